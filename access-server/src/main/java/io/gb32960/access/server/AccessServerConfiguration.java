package io.gb32960.access.server;

import io.gb32960.access.event.InvalidFramePublisher;
import io.gb32960.access.event.KafkaSideSender;
import io.gb32960.access.event.VehicleEventPublisher;
import io.gb32960.access.login.FailureLimiter;
import io.gb32960.access.login.PlatformLogins;
import io.gb32960.access.login.VehicleLogins;
import io.gb32960.access.login.VerifiedSecrets;
import io.gb32960.access.session.KeyStore;
import io.gb32960.access.session.LocalSessions;
import io.gb32960.access.session.RegistryCache;
import io.gb32960.access.session.Responder;
import io.gb32960.access.telemetry.FileSpillStore;
import io.gb32960.access.telemetry.MemorySpillStore;
import io.gb32960.access.telemetry.SpillStore;
import io.gb32960.access.telemetry.TelemetryPipeline;
import io.gb32960.access.dispatch.DispatchHandler;
import io.gb32960.access.dispatch.DispatchServer;
import io.gb32960.access.cluster.AssignedArrivals;
import io.gb32960.access.cluster.DeadNodeSweeper;
import io.gb32960.access.command.CommandExecutor;
import io.gb32960.platform.common.command.CommandJson;
import io.gb32960.platform.common.command.CommandQueue;
import io.gb32960.access.cluster.KickListener;
import io.gb32960.access.cluster.NodeVinsWriter;
import io.gb32960.access.cluster.SessionReconciler;
import io.gb32960.platform.common.cluster.NodeAssigner;
import io.gb32960.platform.common.cluster.NodeMessages;
import io.gb32960.platform.common.cluster.NodeRegistry;
import io.gb32960.platform.common.cluster.NodeStats;
import io.gb32960.platform.common.cluster.SessionTokens;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.netty.Gb32960MessageEncoder;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Wires the access node. */
@Configuration(proxyBeanMethods = false)
class AccessServerConfiguration {

    /** This node's id: configured, or host name and access port. */
    record NodeId(String value) {
    }

    @Bean
    NodeId nodeId(AccessServerProperties props) throws UnknownHostException {
        return new NodeId(props.nodeId().isBlank()
                ? InetAddress.getLocalHost().getHostName() + ":" + props.port() : props.nodeId());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    VehicleRegistry vehicleRegistry(RedissonClient redis) {
        return new VehicleRegistry(redis);
    }

    @Bean
    SessionStore sessionStore(RedissonClient redis) {
        return new SessionStore(redis);
    }

    @Bean
    KeyStore keyStore(RedissonClient redis) {
        return new KeyStore(redis);
    }

    @Bean
    RegistryCache registryCache(VehicleRegistry registry, AccessServerProperties props) {
        return new RegistryCache(registry, props.registryCacheTtl(), 2_000_000);
    }

    @Bean
    LocalSessions localSessions(MeterRegistry meters) {
        LocalSessions sessions = new LocalSessions();
        Gauge.builder("gb32960.connections", sessions, LocalSessions::connectionCount).register(meters);
        Gauge.builder("gb32960.vehicles.online", sessions, LocalSessions::loggedInVehicles).register(meters);
        return sessions;
    }

    @Bean
    Responder responder(Clock clock) {
        return new Responder(clock);
    }

    /**
     * Producers the node owns (not the factory's shared one, which Spring closes before the
     * pipeline's final flush at shutdown).
     */
    private static Producer<String, byte[]> ownProducer(KafkaProperties kafka, String clientId) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean(destroyMethod = "close")
    KafkaSideSender kafkaSideSender(KafkaProperties kafka, NodeId nodeId, MeterRegistry meters) {
        return new KafkaSideSender(ownProducer(kafka, "gb32960-side-" + nodeId.value()), meters);
    }

    @Bean
    VehicleEventPublisher vehicleEventPublisher(KafkaSideSender kafka, NodeId nodeId, Clock clock, MeterRegistry meters) {
        return new VehicleEventPublisher(kafka, nodeId.value(), clock, meters);
    }

    @Bean
    InvalidFramePublisher invalidFramePublisher(KafkaSideSender kafka, NodeId nodeId) {
        return new InvalidFramePublisher(kafka, nodeId.value());
    }

    /** The file spill (durable across restarts), or a bounded in-memory one when disabled. */
    @Bean
    SpillStore spillStore(AccessServerProperties props) throws IOException {
        AccessServerProperties.Telemetry t = props.telemetry();
        if (!t.spillEnabled()) {
            return new MemorySpillStore(t.queueCapacity());
        }
        long segment = Math.min(FileSpillStore.Config.DEFAULT.segmentBytes(), Math.max(1 << 20, t.spillMaxBytes() / 8));
        return new FileSpillStore(t.spillDir(),
                FileSpillStore.Config.DEFAULT.withMaxBytes(t.spillMaxBytes()).withSegmentBytes(segment));
    }

    @Bean(destroyMethod = "close")
    TelemetryPipeline telemetryPipeline(KafkaProperties kafka, SpillStore spill, NodeId nodeId,
                                        AccessServerProperties props, MeterRegistry meters) {
        AccessServerProperties.Telemetry t = props.telemetry();
        return new TelemetryPipeline(ownProducer(kafka, "gb32960-telemetry-" + nodeId.value()), spill, nodeId.value(),
                t.queueCapacity(), t.replayBatch(), meters);
    }

    @Bean
    TelemetryGate telemetryGate(TelemetryPipeline pipeline) {
        return new TelemetryGate(pipeline);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService passwordHashExecutor(AccessServerProperties props) {
        int threads = props.platformLogin().hashThreads();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000),
                r -> new Thread(r, "platform-login-hash"));
    }

    @Bean
    PlatformLogins platformLogins(VehicleRegistry registry, ExecutorService passwordHashExecutor,
                                  AccessServerProperties props) {
        AccessServerProperties.PlatformLogin p = props.platformLogin();
        return new PlatformLogins(registry, passwordHashExecutor,
                new FailureLimiter(p.maxFailuresPerAddress(), p.window()),
                new FailureLimiter(p.maxFailuresPerAccount(), p.window()),
                new VerifiedSecrets(p.verifiedTtl(), 100_000));
    }

    @Bean
    SessionTokens sessionTokens(RedissonClient redis) {
        return new SessionTokens(redis);
    }

    @Bean
    NodeAssigner nodeAssigner(NodeRegistry nodes, RedissonClient redis, Clock clock) {
        return new NodeAssigner(nodes, redis, clock);
    }

    @Bean
    AssignedArrivals assignedArrivals() {
        return new AssignedArrivals();
    }

    @Bean
    NodeVinsWriter nodeVinsWriter(SessionStore store, NodeId nodeId) {
        return new NodeVinsWriter(store, nodeId.value(), Duration.ofMillis(100));
    }

    @Bean
    VehicleLogins vehicleLogins(AccessServerProperties props, NodeId nodeId, RegistryCache registry,
                                LocalSessions sessions, SessionStore sessionStore, VehicleEventPublisher events,
                                Responder responder, Clock clock, MeterRegistry meters, AssignedArrivals arrivals,
                                NodeVinsWriter nodeVins, NodeMessages nodeMessages, CommandExecutor commands) {
        return new VehicleLogins(props, nodeId.value(), registry, sessions, sessionStore, events, responder, clock,
                meters, arrivals, nodeVins, nodeMessages, commands);
    }

    @Bean
    CommandExecutor commandExecutor(RedissonClient redis, LocalSessions sessions, NodeId nodeId, Clock clock,
                                    MeterRegistry meters) {
        CommandJson json = new CommandJson();
        return new CommandExecutor(redis, sessions, new CommandQueue(redis, json), json, nodeId.value(), clock, meters);
    }

    @Bean
    NodeMessages nodeMessages(RedissonClient redis) {
        return new NodeMessages(redis);
    }

    @Bean
    KickListener kickListener(NodeMessages messages, LocalSessions sessions, VehicleLogins logins, NodeId nodeId,
                              MeterRegistry meters) {
        return new KickListener(messages, sessions, logins, nodeId.value(), meters);
    }

    @Bean
    SessionReconciler sessionReconciler(SessionStore store, LocalSessions sessions, VehicleLogins logins,
                                        NodeId nodeId, AccessServerProperties props, Clock clock,
                                        MeterRegistry meters) {
        return new SessionReconciler(store, sessions, logins, nodeId.value(), props.reconcileInterval(),
                props.sessionTtl(), clock, meters);
    }

    @Bean
    DeadNodeSweeper deadNodeSweeper(NodeRegistry nodes, SessionStore store, VehicleEventPublisher events, NodeId nodeId,
                                    AccessServerProperties props, MeterRegistry meters) {
        return new DeadNodeSweeper(nodes, store, events, nodeId.value(), props.deadNodeSweepInterval(), meters);
    }

    @Bean
    @ConditionalOnProperty(name = "gb32960.access.dispatch.enabled", havingValue = "true")
    DispatchServer dispatchServer(AccessServerProperties props, PlatformLogins platformLogins, RegistryCache registry,
                                  SessionTokens tokens, NodeAssigner assigner, NettyAccessServer server,
                                  LocalSessions sessions, NodeId nodeId, Clock clock, MeterRegistry meters) {
        // no node registered yet: this node offers itself (its access listener runs in this process)
        Supplier<Optional<NodeStats>> self = () -> Optional.of(new NodeStats(nodeId.value(),
                NodeStatsPublisher.publicHost(props), props.publicPort() > 0 ? props.publicPort() : server.port(),
                sessions.connectionCount(), sessions.loggedInVehicles(), props.capacity(), clock.instant()));
        DispatchHandler handler = new DispatchHandler(props, platformLogins, registry, tokens, assigner, self, clock,
                meters);
        return new DispatchServer(props, handler, new Gb32960MessageEncoder(Gb32960Encoder.plain()));
    }

    @Bean
    FrameHandler frameHandler(AccessServerProperties props, NodeId nodeId, LocalSessions sessions,
                              RegistryCache registry, SessionStore sessionStore, VehicleLogins vehicleLogins,
                              PlatformLogins platformLogins, KeyStore keys, TelemetryGate telemetry,
                              InvalidFramePublisher invalid, Responder responder, CommandExecutor commands,
                              MeterRegistry meters) {
        return new FrameHandler(props, nodeId.value(), sessions, registry, sessionStore, vehicleLogins, platformLogins,
                keys, telemetry, invalid, responder, commands, meters);
    }

    @Bean
    NodeRegistry nodeRegistry(RedissonClient redis, Clock clock) {
        return new NodeRegistry(redis, clock);
    }

    @Bean
    NodeStatsPublisher nodeStatsPublisher(NodeRegistry registry, NettyAccessServer server, LocalSessions sessions,
                                          AccessServerProperties props, NodeId nodeId, Clock clock,
                                          NodeAssigner assigner, AssignedArrivals arrivals) {
        return new NodeStatsPublisher(registry, server, sessions, props, nodeId.value(), clock, assigner, arrivals);
    }

    @Bean
    NettyAccessServer nettyAccessServer(AccessServerProperties props, FrameHandler frameHandler,
                                        LocalSessions sessions, VehicleLogins vehicleLogins) {
        return new NettyAccessServer(props, frameHandler, new Gb32960MessageEncoder(Gb32960Encoder.plain()),
                sessions, vehicleLogins);
    }
}
