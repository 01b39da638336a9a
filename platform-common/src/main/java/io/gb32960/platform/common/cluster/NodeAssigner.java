package io.gb32960.platform.common.cluster;

import io.gb32960.platform.common.redis.RedisKeys;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Least-connection assignment weighted by capacity. Node stats are up to 500 ms old, so a burst of
 * logins would all go to the same node between two stat updates: each assignment increments the
 * node's in-flight counter in Redis (atomic), the node decrements it when the vehicle logs in
 * there, and the counter expires if assigned vehicles never arrive.
 */
public final class NodeAssigner {

    /** How long an unanswered assignment keeps counting for a node. */
    public static final Duration INFLIGHT_TTL = Duration.ofSeconds(30);

    private final NodeRegistry nodes;
    private final RedissonClient redis;

    public NodeAssigner(NodeRegistry nodes, RedissonClient redis) {
        this.nodes = nodes;
        this.redis = redis;
    }

    /** The least-loaded live node, counted as assigned; empty when no node is alive. */
    public CompletionStage<Optional<NodeStats>> assign() {
        return nodes.liveNodes().thenCompose(live -> {
            if (live.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<NodeStats>empty());
            }
            RBatch batch = redis.createBatch();
            List<CompletionStage<Long>> inflight = new ArrayList<>(live.size());
            for (NodeStats n : live) {
                inflight.add(batch.<Long>getBucket(RedisKeys.inflight(n.nodeId()), LongCodec.INSTANCE).getAsync());
            }
            return batch.executeAsync().thenCompose(r -> {
                NodeStats best = null;
                double bestLoad = Double.MAX_VALUE;
                for (int i = 0; i < live.size(); i++) {
                    Long pending = inflight.get(i).toCompletableFuture().join();
                    NodeStats n = live.get(i);
                    double load = (double) (n.connections() + (pending == null ? 0 : pending)) / n.capacity();
                    if (load < bestLoad) {
                        best = n;
                        bestLoad = load;
                    }
                }
                NodeStats chosen = best;
                var counter = redis.getAtomicLong(RedisKeys.inflight(chosen.nodeId()));
                return counter.incrementAndGetAsync()
                        .thenCompose(x -> counter.expireAsync(INFLIGHT_TTL))
                        .thenApply(x -> Optional.of(chosen));
            });
        });
    }

    /** The node saw an assigned vehicle arrive. */
    public CompletionStage<Void> arrived(String nodeId) {
        var counter = redis.getAtomicLong(RedisKeys.inflight(nodeId));
        return counter.decrementAndGetAsync().thenCompose(n -> n < 0 ? counter.setAsync(0) : CompletableFuture.completedFuture(null))
                .thenApply(x -> null);
    }
}
