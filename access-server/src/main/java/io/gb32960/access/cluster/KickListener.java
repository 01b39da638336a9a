package io.gb32960.access.cluster;

import io.gb32960.access.login.VehicleLogins;
import io.gb32960.access.session.LocalSessions;
import io.gb32960.platform.common.cluster.NodeMessages;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on this node's Redis channel for kicks from other nodes: a vehicle logged in there, so
 * its connection here (if the connection id still matches) is closed with OFFLINE(KICKED), as a
 * second login on this node would. Subscribed before the listener accepts connections.
 */
public final class KickListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KickListener.class);
    /** Before the access listener (whose phase is {@code Integer.MAX_VALUE - 1000}) starts, after it stops. */
    static final int PHASE = Integer.MAX_VALUE - 1001;

    private final NodeMessages messages;
    private final LocalSessions sessions;
    private final VehicleLogins logins;
    private final String nodeId;
    private final MeterRegistry meters;
    private volatile Integer listenerId;

    public KickListener(NodeMessages messages, LocalSessions sessions, VehicleLogins logins, String nodeId,
                        MeterRegistry meters) {
        this.messages = messages;
        this.sessions = sessions;
        this.logins = logins;
        this.nodeId = nodeId;
        this.meters = meters;
    }

    void onKick(NodeMessages.Kick kick) {
        boolean found = sessions.byVin(kick.vin()).filter(c -> c.id().equals(kick.connection()))
                .map(c -> {
                    log.info("[{}] logged in on node {}: closing connection {}", kick.vin(), kick.from(), c.id());
                    logins.kick(c, kick.vin());
                    return true;
                }).orElse(false);
        meters.counter("gb32960.kicks.received", "result", found ? "closed" : "not-here").increment();
    }

    @Override
    public void start() {
        listenerId = messages.subscribe(nodeId, this::onKick);
    }

    @Override
    public void stop() {
        Integer id = listenerId;
        listenerId = null;
        if (id != null) {
            try {
                messages.unsubscribe(nodeId, id);
            } catch (RuntimeException e) {
                log.debug("kick listener not removed: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return listenerId != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
