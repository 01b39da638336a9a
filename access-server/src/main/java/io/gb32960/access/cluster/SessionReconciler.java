package io.gb32960.access.cluster;

import io.gb32960.access.server.PeriodicTask;
import io.gb32960.access.login.VehicleLogins;
import io.gb32960.access.session.Connection;
import io.gb32960.access.session.LocalSessions;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.redis.SessionStore.Owner;
import io.gb32960.platform.common.redis.SessionStore.Session;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Makes Redis agree with this node, periodically ({@code reconcile-interval}):
 * <ul>
 * <li>every vehicle logged in here gets its session and route back when they are missing or name a
 *     connection of this node that is gone (e.g. after a Redis flush or failover) - written with a
 *     compare-and-set, so a newer login is never overwritten;</li>
 * <li>a vehicle logged in here whose route names another node logged in there later (its kick was
 *     lost): the connection here is closed with OFFLINE(KICKED);</li>
 * <li>routes in this node's set ({@code node-vins:{NODE}}) that name this node but a connection
 *     that is not open here any more are removed; VINs routed elsewhere leave the set.</li>
 * </ul>
 * Fixes are counted in {@code gb32960.sessions.reconciled{fix=restored|removed|kicked}}.
 */
public final class SessionReconciler extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(SessionReconciler.class);

    private final SessionStore store;
    private final LocalSessions sessions;
    private final VehicleLogins logins;
    private final String nodeId;
    private final Duration interval;
    private final Duration sessionTtl;
    private final Clock clock;
    private final MeterRegistry meters;

    public SessionReconciler(SessionStore store, LocalSessions sessions, VehicleLogins logins, String nodeId,
                             Duration interval, Duration sessionTtl, Clock clock, MeterRegistry meters) {
        super("session-reconciler", interval, interval, KickListener.PHASE + 2); // stopped before the listener
        this.store = store;
        this.sessions = sessions;
        this.logins = logins;
        this.nodeId = nodeId;
        this.interval = interval;
        this.sessionTtl = sessionTtl;
        this.clock = clock;
        this.meters = meters;
    }

    /** One reconciliation round; completes with the number of fixes. */
    public CompletionStage<Integer> reconcile() {
        Map<String, Connection> local = new HashMap<>(sessions.vehicles());
        List<CompletableFuture<Integer>> fixes = new ArrayList<>();
        for (Map.Entry<String, Connection> e : local.entrySet()) {
            if (e.getValue().channel().isActive()) {
                fixes.add(checkLocal(e.getKey(), e.getValue()).toCompletableFuture());
            }
        }
        CompletableFuture<Integer> remembered = store.addNodeVins(nodeId, local.keySet())
                .thenCompose(x -> store.nodeVins(nodeId))
                .thenCompose(vins -> {
                    List<CompletableFuture<Integer>> checks = new ArrayList<>();
                    for (String vin : vins) {
                        if (!local.containsKey(vin)) {
                            checks.add(checkRemembered(vin).toCompletableFuture());
                        }
                    }
                    return sum(checks);
                }).toCompletableFuture();
        fixes.add(remembered);
        return sum(fixes);
    }

    private static CompletableFuture<Integer> sum(List<CompletableFuture<Integer>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(x -> parts.stream().mapToInt(CompletableFuture::join).sum());
    }

    /** A vehicle logged in here. */
    private CompletionStage<Integer> checkLocal(String vin, Connection c) {
        Owner mine = new Owner(nodeId, c.id());
        return store.owner(vin).thenCombine(store.get(vin), (owner, session) -> {
            if (owner.isPresent() && owner.get().equals(mine)
                    && session.isPresent() && c.id().equals(session.get().connection())) {
                return CompletableFuture.completedFuture(0);
            }
            if (owner.isPresent() && !owner.get().node().equals(nodeId)) {
                log.info("[{}] routed to node {} (logged in there later): closing connection {}", vin,
                        owner.get().node(), c.id());
                logins.kick(c, vin);
                return CompletableFuture.completedFuture(fixed("kicked"));
            }
            if (owner.isPresent() && !owner.get().connection().equals(c.id())
                    && sessions.connection(owner.get().connection()).isPresent()) {
                return CompletableFuture.completedFuture(0); // another connection here is logging this VIN in
            }
            return restore(vin, c, owner).toCompletableFuture();
        }).thenCompose(f -> f);
    }

    private CompletionStage<Integer> restore(String vin, Connection c, Optional<Owner> expected) {
        if (!c.channel().isActive()) {
            return CompletableFuture.completedFuture(0);
        }
        return store.replace(new Session(vin, nodeId, c.id(), clock.instant()), expected, sessionTtl)
                .thenCompose(written -> {
                    if (!written) {
                        return CompletableFuture.completedFuture(0);
                    }
                    log.info("[{}] session and route restored for connection {}", vin, c.id());
                    if (!c.channel().isActive()) { // closed meanwhile: do not leave its route behind
                        return store.removeIfOwned(vin, nodeId, c.id()).thenApply(x -> 0);
                    }
                    return CompletableFuture.completedFuture(fixed("restored"));
                });
    }

    /** A VIN in this node's set that no connection here holds. */
    private CompletionStage<Integer> checkRemembered(String vin) {
        return store.owner(vin).thenCompose(owner -> {
            if (owner.isEmpty() || !owner.get().node().equals(nodeId)) {
                return store.removeNodeVin(nodeId, vin).thenApply(x -> 0);
            }
            String connection = owner.get().connection();
            if (sessions.connection(connection).filter(c -> c.channel().isActive()).isPresent()) {
                return CompletableFuture.completedFuture(0); // e.g. a platform connection forwarding the vehicle
            }
            return store.removeIfOwned(vin, nodeId, connection).thenApply(removed -> {
                if (!removed) {
                    return 0;
                }
                log.info("[{}] route of closed connection {} removed", vin, connection);
                return fixed("removed");
            });
        });
    }

    private int fixed(String fix) {
        meters.counter("gb32960.sessions.reconciled", "fix", fix).increment();
        return 1;
    }

    @Override
    protected void runOnce() {
        try {
            int fixes = reconcile().toCompletableFuture().get(interval.toMillis(), TimeUnit.MILLISECONDS);
            if (fixes > 0) {
                log.info("reconciliation: {} fixes", fixes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("reconciliation failed: {}", e.toString());
        }
    }




}
