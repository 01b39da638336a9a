package io.gb32960.access.server;

import io.gb32960.access.cluster.AssignedArrivals;
import io.gb32960.access.session.LocalSessions;
import io.gb32960.platform.common.cluster.NodeAssigner;
import io.gb32960.platform.common.cluster.NodeRegistry;
import io.gb32960.platform.common.cluster.NodeStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Writes this node's stats (and takes the vehicles that arrived since off its in-flight count) to the cluster's node registry every 500 ms while its listener runs,
 * and removes the node when it stops; started after and stopped before the listener.
 */
public final class NodeStatsPublisher extends PeriodicTask {

    static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(NodeStatsPublisher.class);

    private final NodeRegistry registry;
    private final NettyAccessServer server;
    private final LocalSessions sessions;
    private final AccessServerProperties props;
    private final String nodeId;
    private final Clock clock;
    private final String host;
    private final NodeAssigner assigner;
    private final AssignedArrivals arrivals;

    public NodeStatsPublisher(NodeRegistry registry, NettyAccessServer server, LocalSessions sessions,
                              AccessServerProperties props, String nodeId, Clock clock, NodeAssigner assigner,
                              AssignedArrivals arrivals) {
        super("node-stats", Duration.ZERO, INTERVAL, NettyAccessServer.PHASE + 1); // after the listener starts, before it stops
        this.host = publicHost(props);
        this.assigner = assigner;
        this.arrivals = arrivals;
        this.registry = registry;
        this.server = server;
        this.sessions = sessions;
        this.props = props;
        this.nodeId = nodeId;
        this.clock = clock;
    }


    private void publish(String host) {
        NodeStats stats = new NodeStats(nodeId, host, props.publicPort() > 0 ? props.publicPort() : server.port(),
                sessions.connectionCount(), sessions.loggedInVehicles(), props.capacity(), clock.instant());
        long arrived = arrivals.drain();
        registry.publish(stats).thenCompose(x -> assigner.report(nodeId, stats.connections(), stats.capacity(), arrived))
                .whenComplete((ok, error) -> {
            if (error != null) {
                log.debug("node stats not published: {}", error.toString());
            }
        });
    }

    /** The host terminals are sent to: configured, the listen address, or this machine's address. */
    public static String publicHost(AccessServerProperties props) {
        if (!props.publicHost().isBlank()) {
            return props.publicHost();
        }
        if (!props.host().equals("0.0.0.0") && !props.host().equals("::")) {
            return props.host();
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    @Override
    protected void runOnce() {
        publish(host);
    }

    @Override
    protected void afterStop() {
        registry.leave(nodeId).toCompletableFuture().orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }


}
