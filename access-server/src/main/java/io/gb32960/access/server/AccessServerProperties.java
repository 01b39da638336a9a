package io.gb32960.access.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the access node ({@code gb32960.access.*}).
 *
 * @param nodeId            this node's id in Redis routes and Kafka headers; empty = host name + port
 * @param host              listen address
 * @param port              the access listener's TCP port (0 = any free port)
 * @param workerThreads     Netty event loops; 0 = twice the cores
 * @param idleTimeout       no frame for this long closes the connection (default 3 x a 60 s heartbeat)
 * @param maxBadFrames      a connection that sends this many bad frames is closed
 * @param iccidMismatch     what a login with another ICCID than registered gets
 * @param acknowledgeReports answer correct realtime/reissue frames with success (the standard says no
 *                           answer; some platforms, e.g. 36node, answer)
 * @param sessionTtl        TTL of session/route keys in Redis, refreshed by traffic
 * @param registryCacheTtl  how long a registry entry is cached on the node
 * @param telemetry         the Kafka side of telemetry
 * @param platformLogin     brute-force limits for platform logins
 * @param publicHost        the host terminals are sent to (behind NAT/SLB); empty = the listen address
 *                          or this machine's address
 * @param publicPort        the port terminals are sent to; 0 = the bound port
 * @param capacity          vehicles this node is sized for: the weight of least-connection assignment
 * @param requireSessionToken refuse vehicle logins without a valid dispatch token for their VIN
 * @param dispatch          the SLB-fronted dispatch listener (platform login, node assignment)
 * @param reconcileInterval how often the node makes Redis sessions/routes agree with its connections
 * @param deadNodeSweepInterval how often the node looks for dead nodes whose sessions need removing
 */
@ConfigurationProperties("gb32960.access")
public record AccessServerProperties(
        @DefaultValue("") String nodeId,
        @DefaultValue("0.0.0.0") String host,
        @DefaultValue("32960") int port,
        @DefaultValue("0") int workerThreads,
        @DefaultValue("180s") Duration idleTimeout,
        @DefaultValue("10") int maxBadFrames,
        @DefaultValue("WARN") IccidMismatch iccidMismatch,
        @DefaultValue("false") boolean acknowledgeReports,
        @DefaultValue("10m") Duration sessionTtl,
        @DefaultValue("5m") Duration registryCacheTtl,
        @DefaultValue Telemetry telemetry,
        @DefaultValue PlatformLogin platformLogin,
        @DefaultValue("") String publicHost,
        @DefaultValue("0") int publicPort,
        @DefaultValue("19000") int capacity,
        @DefaultValue("false") boolean requireSessionToken,
        @DefaultValue Dispatch dispatch,
        @DefaultValue("60s") Duration reconcileInterval,
        @DefaultValue("5s") Duration deadNodeSweepInterval) {

    /**
     * @param enabled     run the dispatch listener on this node
     * @param port        its port (0 = any free port)
     * @param idleTimeout short connections: closed after this long without a login
     * @param tokenTtl    how long an assignment's session token is valid
     * @param proxyProtocol connections start with a PROXY protocol header (v1 or v2) from the load
     *                    balancer in front, which names the real client address (required when on)
     */
    public record Dispatch(@DefaultValue("false") boolean enabled,
                           @DefaultValue("32959") int port,
                           @DefaultValue("10s") Duration idleTimeout,
                           @DefaultValue("5m") Duration tokenTtl,
                           @DefaultValue("false") boolean proxyProtocol) {
    }

    public enum IccidMismatch {
        /** Log and let the vehicle in. */
        WARN,
        /** Refuse the login. */
        REJECT
    }

    /**
     * @param queueCapacity frames held in memory between the event loops and Kafka; when full,
     *                      connections stop being read (back-pressure)
     * @param spillDir      where frames go while Kafka is unavailable
     * @param spillEnabled  false: no spill file, back-pressure only
     * @param spillMaxBytes bound of the spill file
     * @param replayBatch   frames replayed from the spill per Kafka round
     */
    public record Telemetry(@DefaultValue("100000") int queueCapacity,
                            @DefaultValue("data/spill") Path spillDir,
                            @DefaultValue("true") boolean spillEnabled,
                            @DefaultValue("1073741824") long spillMaxBytes,
                            @DefaultValue("500") int replayBatch) {
    }

    /**
     * @param maxFailuresPerAccount failed attempts allowed per account within {@code window}
     * @param maxFailuresPerAddress failed attempts allowed per source address within {@code window}
     *                              (higher: several platforms may share an address behind NAT)
     * @param window                how long failures count, from the first one
     * @param hashThreads           threads that check password hashes (PBKDF2 is deliberately slow)
     * @param verifiedTtl           how long a password that matched an account's secret is known to
     *                              match without deriving again (0 = always derive)
     */
    public record PlatformLogin(@DefaultValue("5") int maxFailuresPerAccount,
                                @DefaultValue("20") int maxFailuresPerAddress,
                                @DefaultValue("5m") Duration window,
                                @DefaultValue("2") int hashThreads,
                                @DefaultValue("10m") Duration verifiedTtl) {
    }
}
