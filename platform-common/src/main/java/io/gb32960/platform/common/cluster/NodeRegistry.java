package io.gb32960.platform.common.cluster;

import io.gb32960.platform.common.redis.RedisKeys;
import org.redisson.api.RBatch;
import org.redisson.api.RMap;
import org.redisson.api.RScript;
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
 * remove them, only if unchanged since read (a node that was only slow writes itself back with its
 * next stats), so nodes appear and leave without configuration.
 */
public final class NodeRegistry {

    /** Entries older than this are dead nodes. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(3);

    /** KEYS: the nodes hash. ARGV: node id, the value read. */
    private static final String REMOVE_IF_UNCHANGED = """
            if redis.call('hget', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('hdel', KEYS[1], ARGV[1]) end
            return 0""";

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
        batch.<String, String>getMap(RedisKeys.knownNodes(), StringCodec.INSTANCE)
                .fastPutAsync(stats.nodeId(), Long.toString(stats.at().toEpochMilli()));
        return batch.executeAsync().thenApply(x -> null);
    }

    /** Removes a node that is shutting down (it has cleaned up after itself: not a dead node). */
    public CompletionStage<Void> leave(String nodeId) {
        RBatch batch = redis.createBatch();
        batch.<String, String>getMap(RedisKeys.nodes(), StringCodec.INSTANCE).fastRemoveAsync(nodeId);
        batch.<String, String>getMap(RedisKeys.knownNodes(), StringCodec.INSTANCE).fastRemoveAsync(nodeId);
        return batch.executeAsync().thenApply(x -> null);
    }

    /**
     * Nodes that published stats and have not for {@code silentFor}, without leaving cleanly: they
     * died. (Longer than the 3 s after which dispatch skips a node: a node in a long GC pause is
     * not given up on at once.)
     */
    public CompletionStage<Set<String>> deadNodes(Duration silentFor) {
        long before = clock.millis() - silentFor.toMillis();
        return redis.<String, String>getMap(RedisKeys.knownNodes(), StringCodec.INSTANCE).readAllMapAsync()
                .thenApply(known -> {
                    Set<String> dead = new HashSet<>();
                    known.forEach((node, lastSeen) -> {
                        if (parseMillis(lastSeen) < before) {
                            dead.add(node);
                        }
                    });
                    return dead;
                });
    }

    private static long parseMillis(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Claims the clean-up of a dead node: true for exactly one caller. */
    public CompletionStage<Boolean> claimDead(String nodeId) {
        return redis.<String, String>getMap(RedisKeys.knownNodes(), StringCodec.INSTANCE).fastRemoveAsync(nodeId)
                .thenApply(n -> n == 1L);
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
                // stale (or unreadable): removed, but only if nobody wrote it since we read it (a node
                // that was only slow writes itself back with its next stats)
                redis.getScript(StringCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE, REMOVE_IF_UNCHANGED,
                        RScript.ReturnType.LONG, List.of(RedisKeys.nodes()), e.getKey(), e.getValue());
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
