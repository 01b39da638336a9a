package io.gb32960.platform.common.cluster;

import io.gb32960.platform.common.redis.RedisKeys;
import org.redisson.api.RBatch;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The access nodes of the cluster in one Redis hash ({@code gb32960:nodes}: node id to JSON
 * stats). Nodes write themselves every 500 ms; readers skip entries older than the stale limit and
 * remove them, so nodes appear and leave without configuration.
 */
public final class NodeRegistry {

    /** Entries older than this are dead nodes. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(3);

    private final RedissonClient redis;
    private final RMap<String, String> nodes;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    public NodeRegistry(RedissonClient redis, Clock clock) {
        this.redis = redis;
        this.nodes = redis.getMap(RedisKeys.nodes(), StringCodec.INSTANCE);
        this.clock = clock;
    }

    public CompletionStage<Void> publish(NodeStats stats) {
        RBatch batch = redis.createBatch();
        batch.<String, String>getMap(RedisKeys.nodes(), StringCodec.INSTANCE)
                .fastPutAsync(stats.nodeId(), json.writeValueAsString(stats));
        batch.getSet(RedisKeys.knownNodes(), StringCodec.INSTANCE).addAsync(stats.nodeId());
        return batch.executeAsync().thenApply(x -> null);
    }

    /** Removes a node that is shutting down (it has cleaned up after itself: not a dead node). */
    public CompletionStage<Void> leave(String nodeId) {
        RBatch batch = redis.createBatch();
        batch.<String, String>getMap(RedisKeys.nodes(), StringCodec.INSTANCE).fastRemoveAsync(nodeId);
        batch.getSet(RedisKeys.knownNodes(), StringCodec.INSTANCE).removeAsync(nodeId);
        return batch.executeAsync().thenApply(x -> null);
    }

    /** Nodes that published stats once and are neither fresh now nor left cleanly: they died. */
    public CompletionStage<Set<String>> deadNodes() {
        return redis.<String>getSet(RedisKeys.knownNodes(), StringCodec.INSTANCE).readAllAsync()
                .thenCombine(liveNodes(), (known, live) -> {
                    Set<String> dead = new HashSet<>(known);
                    live.forEach(n -> dead.remove(n.nodeId()));
                    return dead;
                });
    }

    /** Claims the clean-up of a dead node: true for exactly one caller. */
    public CompletionStage<Boolean> claimDead(String nodeId) {
        return redis.<String>getSet(RedisKeys.knownNodes(), StringCodec.INSTANCE).removeAsync(nodeId);
    }

    /** Nodes whose stats are fresh; stale and unreadable entries are removed on the way. */
    public CompletionStage<List<NodeStats>> liveNodes() {
        return nodes.readAllMapAsync().thenApply(this::fresh);
    }

    private List<NodeStats> fresh(Map<String, String> all) {
        List<NodeStats> live = new ArrayList<>(all.size());
        long oldest = clock.millis() - STALE_AFTER.toMillis();
        for (Map.Entry<String, String> e : all.entrySet()) {
            NodeStats s = parse(e.getValue());
            if (s != null && s.at().toEpochMilli() >= oldest) {
                live.add(s);
            } else {
                nodes.fastRemoveAsync(e.getKey());
            }
        }
        return live;
    }

    private NodeStats parse(String value) {
        try {
            return json.readValue(value, NodeStats.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
