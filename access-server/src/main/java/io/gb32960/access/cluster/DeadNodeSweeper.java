package io.gb32960.access.cluster;

import io.gb32960.access.server.PeriodicTask;
import io.gb32960.access.event.VehicleEventPublisher;
import io.gb32960.platform.common.cluster.NodeRegistry;
import io.gb32960.platform.common.event.VehicleEvent.EventType;
import io.gb32960.platform.common.event.VehicleEvent.OfflineReason;
import io.gb32960.platform.common.redis.SessionStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Cleans up after access nodes that died without a clean shutdown: a node that published stats
 * and is neither fresh nor left is dead. One surviving node claims it (atomically), removes the
 * sessions and routes that still name it (vehicles that logged in elsewhere since keep theirs)
 * and publishes OFFLINE(NODE_LOST) for each, so the online state downstream is right even for
 * vehicles that never come back.
 */
public final class DeadNodeSweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DeadNodeSweeper.class);

    private final NodeRegistry nodes;
    private final SessionStore store;
    private final VehicleEventPublisher events;
    private final String nodeId;
    private final Duration interval;
    private final MeterRegistry meters;

    public DeadNodeSweeper(NodeRegistry nodes, SessionStore store, VehicleEventPublisher events, String nodeId,
                           Duration interval, MeterRegistry meters) {
        super("dead-node-sweeper", interval, interval, KickListener.PHASE + 2);
        this.nodes = nodes;
        this.store = store;
        this.events = events;
        this.nodeId = nodeId;
        this.interval = interval;
        this.meters = meters;
    }

    /** One round; completes with the number of vehicles whose session was removed. */
    public CompletionStage<Integer> sweep() {
        return nodes.deadNodes().thenCompose(dead -> {
            List<CompletableFuture<Integer>> swept = new ArrayList<>();
            for (String node : dead) {
                if (!node.equals(nodeId)) {
                    swept.add(nodes.claimDead(node).thenCompose(mine -> mine ? sweep(node)
                            : CompletableFuture.completedFuture(0)).toCompletableFuture());
                }
            }
            return CompletableFuture.allOf(swept.toArray(CompletableFuture[]::new))
                    .thenApply(x -> swept.stream().mapToInt(CompletableFuture::join).sum());
        });
    }

    private CompletionStage<Integer> sweep(String dead) {
        log.warn("node {} is gone without leaving: removing the sessions it held", dead);
        meters.counter("gb32960.nodes.lost").increment();
        return store.nodeVins(dead).thenCompose((Set<String> vins) -> {
            List<CompletableFuture<Boolean>> removals = new ArrayList<>(vins.size());
            for (String vin : vins) {
                removals.add(store.removeIfNode(vin, dead).thenApply(removed -> {
                    if (removed) {
                        events.publishFor(dead, vin, EventType.OFFLINE, OfflineReason.NODE_LOST, null);
                    }
                    return removed;
                }).toCompletableFuture());
            }
            return CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new))
                    .thenCompose(x -> store.deleteNodeVins(dead))
                    .thenApply(x -> {
                        int n = (int) removals.stream().filter(CompletableFuture::join).count();
                        meters.counter("gb32960.sessions.reconciled", "fix", "node-lost").increment(n);
                        log.info("node {}: {} of {} sessions removed (the others had moved)", dead, n, vins.size());
                        return n;
                    });
        });
    }

    @Override
    protected void runOnce() {
        try {
            sweep().toCompletableFuture().get(Math.max(interval.toMillis(), 5_000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("dead node sweep failed: {}", e.toString());
        }
    }




}
