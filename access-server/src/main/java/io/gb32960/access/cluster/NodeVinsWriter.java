package io.gb32960.access.cluster;

import io.gb32960.access.server.PeriodicTask;
import io.gb32960.access.server.NettyAccessServer;
import io.gb32960.platform.common.redis.SessionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps this node's VIN set ({@code node-vins:{NODE}}) up to date without a Redis command per
 * login: logins and disconnects are collected and written every {@code interval} as one SADD and
 * one SREM (the last change of a VIN wins). The set lives in another hash slot than the session
 * keys, so it cannot join the login script; a change not yet written when the node dies is what
 * the reconciliation exists for.
 */
public final class NodeVinsWriter extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(NodeVinsWriter.class);

    private final SessionStore store;
    private final String nodeId;
    private final Duration interval;
    private final Object lock = new Object();
    private Map<String, Boolean> pending = new HashMap<>();

    public NodeVinsWriter(SessionStore store, String nodeId, Duration interval) {
        // stops after the listener: its last disconnects are written
        super("node-vins", interval, interval, NettyAccessServer.PHASE - 1);
        this.store = store;
        this.nodeId = nodeId;
        this.interval = interval;
    }

    public void added(String vin) {
        synchronized (lock) {
            pending.put(vin, Boolean.TRUE);
        }
    }

    public void removed(String vin) {
        synchronized (lock) {
            pending.put(vin, Boolean.FALSE);
        }
    }

    @Override
    protected void runOnce() {
        flush();
    }

    @Override
    protected void afterStop() {
        flush();
    }

    /** Writes what has been collected; any thread. */
    public void flush() {
        Map<String, Boolean> changes;
        synchronized (lock) {
            if (pending.isEmpty()) {
                return;
            }
            changes = pending;
            pending = new HashMap<>();
        }
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        changes.forEach((vin, in) -> (in ? add : remove).add(vin));
        store.addNodeVins(nodeId, add)
                .thenCompose(x -> store.removeNodeVins(nodeId, remove))
                .whenComplete((x, error) -> {
                    if (error != null) {
                        log.debug("node VIN set not written ({} changes), reconciliation repairs it: {}",
                                changes.size(), error.toString());
                    }
                });
    }




}
