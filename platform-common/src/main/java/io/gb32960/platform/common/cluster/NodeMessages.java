package io.gb32960.platform.common.cluster;

import io.gb32960.platform.common.redis.RedisKeys;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Messages from one access node to another over Redis pub/sub: each node listens on its own
 * channel {@code gb32960:node:{NODE}} (plain-string JSON). Pub/sub delivers at most once, to
 * subscribers connected at that moment; what it loses, the nodes' reconciliation repairs.
 */
public final class NodeMessages {

    private static final Logger log = LoggerFactory.getLogger(NodeMessages.class);

    /**
     * A vehicle logged in on node {@code from}: its older connection {@code connection} on the
     * receiving node is closed (OFFLINE reason KICKED). JSON:
     * {@code {"type":"KICK","vin":"…","connection":"…","from":"…"}}.
     */
    public record Kick(String type, String vin, String connection, String from) {

        public static final String TYPE = "KICK";

        public Kick {
            Objects.requireNonNull(vin, "vin");
            Objects.requireNonNull(connection, "connection");
        }

        public static Kick of(String vin, String connection, String from) {
            return new Kick(TYPE, vin, connection, from);
        }
    }

    private final RedissonClient redis;
    private final JsonMapper json = JsonMapper.builder().build();

    public NodeMessages(RedissonClient redis) {
        this.redis = redis;
    }

    private RTopic topic(String nodeId) {
        return redis.getTopic(RedisKeys.nodeChannel(nodeId), StringCodec.INSTANCE);
    }

    /** Sends a kick to {@code nodeId}; completes with the number of nodes that received it. */
    public CompletionStage<Long> kick(String nodeId, Kick kick) {
        return topic(nodeId).publishAsync(json.writeValueAsString(kick));
    }

    /** Listens on this node's channel; returns the listener id for {@link #unsubscribe}. */
    public int subscribe(String nodeId, Consumer<Kick> kicks) {
        return topic(nodeId).addListener(String.class, (channel, message) -> {
            Kick k;
            try {
                k = json.readValue(message, Kick.class);
            } catch (RuntimeException e) {
                log.warn("unreadable node message on {}: {}", channel, message);
                return;
            }
            if (Kick.TYPE.equals(k.type())) {
                kicks.accept(k);
            }
        });
    }

    public void unsubscribe(String nodeId, int listenerId) {
        topic(nodeId).removeListener(listenerId);
    }
}
