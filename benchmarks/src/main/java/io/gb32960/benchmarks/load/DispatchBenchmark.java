package io.gb32960.benchmarks.load;

import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.platform.common.registry.PlatformAccount;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.platform.common.security.HashedSecret;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.simulator.sim.Simulation;
import io.gb32960.simulator.sim.SimulationConfig;
import io.gb32960.simulator.sim.SimulationSummary;
import io.gb32960.simulator.sim.VehicleIdentity;
import org.redisson.api.RedissonClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The dispatch login through the whole flow on a cluster of access nodes, all on this machine:
 * every vehicle asks a dispatch listener (platform login 0x05, answered with an assignment 0xC0
 * naming a node and a one-time token), connects to the assigned node and logs in there with the
 * token, which every node requires. All vehicles start at once: the figures are how fast the
 * cluster lets a fleet in (first platform login to the last vehicle login answered) and how evenly
 * the least-connection assignment spreads the burst (the busiest node's vehicles over the least
 * busy node's, minus one).
 */
@Command(name = "dispatch", mixinStandardHelpOptions = true,
        description = "Full-flow dispatch logins/s on a cluster of nodes, and the balance of the vehicles over them.")
final class DispatchBenchmark extends LoadBenchmark.Measurement {

    /** Where the vehicles ask for their node. */
    enum Entry {
        /** The fleet split evenly over the nodes' dispatch listeners, as an SLB in front of them would. */
        SPREAD,
        /** Every vehicle at the first node's dispatch listener. */
        SINGLE
    }

    /** Dispatch logins per second and listener while priming. */
    private static final int PRIME_RATE = 100;

    @Mixin
    FleetOptions fleet = new FleetOptions(10_000, "60s", "60s", "0s", 3);

    @Option(names = "--nodes", defaultValue = "3", description = "Access nodes, each with its dispatch listener (default: ${DEFAULT-VALUE}).")
    int nodeCount;

    @Option(names = "--entry", defaultValue = "spread",
            description = "spread: the fleet split evenly over the dispatch listeners (one simulation each, "
                    + "--sim-threads shared out), as an SLB would; single: all at the first node's (default: ${DEFAULT-VALUE}).")
    Entry entry;

    @Option(names = "--account", defaultValue = "benchplat", description = "Platform account of the vehicles (default: ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--password", defaultValue = "bench-secret-32960", description = "Its password (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--login-retry", defaultValue = "60s", converter = LoadBenchmark.DurationConverter.class,
            description = "How long a vehicle waits for an answer, and after a refusal, before it tries again "
                    + "(the standard: 1 min) (default: ${DEFAULT-VALUE}).")
    Duration loginRetry;

    @Option(names = "--prime", defaultValue = "500",
            description = "Vehicles (numbered after the fleet) that log in through each dispatch listener, and out, "
                    + "before the burst: one each first, so that every node has checked the account's password once, "
                    + "then the rest at 100/s per listener, to warm the nodes up; 0: the burst meets fresh nodes "
                    + "(default: ${DEFAULT-VALUE}).")
    int prime;

    @Option(names = "--warm-up-bursts", defaultValue = "0",
            description = "Bursts of the whole fleet's size (their own VINs, numbered after the primers) that log in "
                    + "all at once and out again after priming, before the measured burst: the nodes' compilers have "
                    + "then seen the code paths and inlining of a burst, as on a node that has been up for a while "
                    + "(default: ${DEFAULT-VALUE}).")
    int warmUpBursts;

    @Option(names = "--timeout", defaultValue = "180s", converter = LoadBenchmark.DurationConverter.class,
            description = "Give up on a run when not every vehicle is logged in after this (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        LoadBenchmark.Common o = o();
        fleet.register(o, "dispatch", fleet.vehicles * (1 + warmUpBursts) + prime * nodeCount);
        RedissonClient redisson = RedisClients.connect(o);
        try {
            new VehicleRegistry(redisson).saveAccount(new PlatformAccount(account, HashedSecret.of(password), true))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            redisson.shutdown();
        }
        LoadBenchmark.log("dispatch: platform account %s saved (PBKDF2, %d iterations)", account,
                HashedSecret.DEFAULT_ITERATIONS);
        Map<String, Object> settings = new LinkedHashMap<>(fleet.describe());
        settings.put("nodes", nodeCount);
        settings.put("entry", entry == Entry.SPREAD ? "spread: vehicle chunks of equal size, one simulation per "
                + "dispatch listener" : "single: every vehicle at the first node's dispatch listener");
        settings.put("nodeMode", "dispatch listener on, require-session-token on, host and public-host 127.0.0.1, "
                + "equal capacity");
        settings.put("loginRetry", loginRetry.toString());
        settings.put("primeVehiclesPerDispatcher", prime);
        settings.put("warmUpBursts", warmUpBursts);
        settings.put("fullFlow", "from the start of the simulations (every vehicle at once) until the simulator "
                + "saw the vehicle login answered with success at its node");
        return runAndReport("dispatch", "fullFlowLoginsPerSecond", r -> runOnce(r), settings);
    }

    private Map<String, Object> runOnce(int r) throws Exception {
        LoadBenchmark.Common o = o();
        String label = "dispatch" + r;
        int[] dispatchPorts = new int[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            dispatchPorts[i] = NodeProcess.freePort();
        }
        try (Stack stack = Stack.start(o, label, nodeCount, i -> nodeProperties(dispatchPorts[i]));
             RedisPipe redis = new RedisPipe(o.redisHost(), o.redisPort());
             RedisPipe burstRedis = new RedisPipe(o.redisHost(), o.redisPort())) {
            if (prime > 0) {
                prime(dispatchPorts, label);
            }
            int targets = entry == Entry.SPREAD ? nodeCount : 1;
            for (int w = 0; w < warmUpBursts; w++) {
                warmUpBurst(stack, dispatchPorts, targets, fleet.vehicles + 1 + prime * nodeCount + w * fleet.vehicles,
                        label + " warm-up burst " + (w + 1));
            }
            List<Simulation> sims = simulations(dispatchPorts, targets, fleet.identities(1, fleet.vehicles),
                    Math.max(1, fleet.simThreads / targets), loginRetry, fleet.rampUp());
            Sampler sampler = new Sampler(stack, redis, () -> 0);
            Map<String, Long> tcpBefore = TcpCounters.now();
            Sample a = sampler.take();
            Sample b;
            Map<String, Long> tcpAfter;
            boolean all;
            Map<String, Object> run = new LinkedHashMap<>();
            if (o.jfr) {
                stack.recordJfr(label, timeout);
            }
            LoginBurst burst = LoginBurst.start(sims, stack, burstRedis);
            try {
                all = burst.await(timeout, label);
                if (o.jfr) {
                    stack.stopJfr();
                }
                b = sampler.take();
                tcpAfter = TcpCounters.now();
                burst.close();
                LoadBenchmark.log("%s: %s; %.0f vehicles online at the nodes", label,
                        all ? "every vehicle logged in" : "not every vehicle logged in",
                        stack.awaitOnline(fleet.vehicles, Duration.ofSeconds(10)));
                run.put("run", r);
                run.put("busyBeforeRunPercent", stack.busyBeforeRunPercent);
                run.put("loadAverageBeforeRun", stack.loadAverageBeforeRun);
                run.put("allLoggedIn", all);
                run.put("fullFlowLoginsPerSecond", Stats.round(burst.loginsPerSecondUntil(1.0), 0));
                run.put("fullFlowLoginsPerSecondTo99Percent", Stats.round(burst.loginsPerSecondUntil(0.99), 0));
                run.put("loggedInAfterMs", burst.loggedInAfterMs());
                run.put("nodeLoginsPerSecondPeak", Stats.round(burst.nodePeakLoginsPerSecond(), 0));
                run.put("nodeSeries", burst.nodeSeries());
                run.put("nodeScrapeFailures", burst.scrapeFailures());
                run.putAll(nodesAndBalance(stack, redis, sims, a.metrics()));
                run.put("simulator", simulator(sims));
                run.put("tcp", TcpCounters.delta(tcpBefore, tcpAfter));
                run.put("cpuCores", Sampler.cpu(a, b, Runtime.getRuntime().availableProcessors()));
                run.put("otherProcessesCores", sampler.others(a, b));
                run.put("cpuMicrosPerLogin", Sampler.perOperation(a, b, b.logins() - a.logins()));
                run.put("nodeThreadsMicrosPerLogin", Sampler.nodeThreads(a, b, b.logins() - a.logins()));
            } finally {
                burst.close();
                sims.forEach(Simulation::stop);
            }
            run.put("nodeCommand", String.join(" ", stack.node.command()));
            return run;
        }
    }

    private static Map<String, String> nodeProperties(int dispatchPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gb32960.access.host", "127.0.0.1");
        p.put("gb32960.access.public-host", "127.0.0.1");
        p.put("gb32960.access.dispatch.enabled", "true");
        p.put("gb32960.access.dispatch.port", Integer.toString(dispatchPort));
        p.put("gb32960.access.require-session-token", "true");
        return p;
    }

    /**
     * One simulation for each of the first {@code targets} dispatch listeners, the vehicles in
     * equal consecutive chunks.
     */
    private List<Simulation> simulations(int[] dispatchPorts, int targets, List<VehicleIdentity> vehicles,
                                         int threadsEach, Duration retry, Duration rampUp) {
        List<Simulation> sims = new ArrayList<>(targets);
        for (int t = 0; t < targets; t++) {
            List<VehicleIdentity> chunk = vehicles.subList(t * vehicles.size() / targets,
                    (t + 1) * vehicles.size() / targets);
            SimulationConfig config = fleet.simulation("127.0.0.1", dispatchPorts[t]).vehicles(chunk)
                    .threads(threadsEach).loginRetry(retry).rampUp(rampUp).logoutOnStop(true)
                    .dispatch(new SimulationConfig.Dispatch("127.0.0.1", dispatchPorts[t], account, password)).build();
            sims.add(new Simulation(config));
        }
        return sims;
    }

    /**
     * {@code prime} vehicles through each dispatch listener log in and out: one each first (so that
     * the rest find the password checked), then the rest at {@link #PRIME_RATE} per listener (they
     * warm the nodes up, they are not measured); then the nodes publish stats that no longer count them.
     */
    private void prime(int[] dispatchPorts, String label) throws Exception {
        long t0 = System.nanoTime();
        int first = fleet.vehicles + 1;
        for (int wave : new int[] {1, prime - 1}) {
            if (wave == 0) {
                continue;
            }
            Duration rampUp = Duration.ofMillis(1000L * wave / PRIME_RATE);
            List<Simulation> sims = simulations(dispatchPorts, nodeCount, fleet.identities(first, wave * nodeCount), 1,
                    loginRetry, rampUp);
            first += wave * nodeCount;
            sims.forEach(Simulation::start);
            try {
                FleetProgress.awaitLoggedIn(sims, rampUp.plus(timeout), label + " priming");
            } finally {
                sims.forEach(Simulation::stop);
            }
        }
        Thread.sleep(1_500); // three stats rounds: connections and in-flight counts without the primers
        LoadBenchmark.log("%s: primed with %d vehicles per dispatch listener in %d ms", label, prime,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** A burst like the measured one with other VINs, logged in and out again; not measured. */
    private void warmUpBurst(Stack stack, int[] dispatchPorts, int targets, int firstVehicle, String label)
            throws Exception {
        long t0 = System.nanoTime();
        List<Simulation> sims = simulations(dispatchPorts, targets, fleet.identities(firstVehicle, fleet.vehicles),
                Math.max(1, fleet.simThreads / targets), loginRetry, fleet.rampUp());
        sims.forEach(Simulation::start);
        try {
            FleetProgress.awaitLoggedIn(sims, timeout, label);
        } finally {
            sims.forEach(Simulation::stop);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (stack.scrape().sum("gb32960_vehicles_online") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1_500); // three stats rounds: connections and in-flight counts without the burst
        LoadBenchmark.log("%s: %d vehicles in and out in %d ms", label, fleet.vehicles,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Per node: vehicles online, connections, logins and assignments in this run, and the in-flight
     * count left in Redis; the balance figures over them.
     */
    private Map<String, Object> nodesAndBalance(Stack stack, RedisPipe redis, List<Simulation> sims, Prometheus before)
            throws Exception {
        Map<String, Integer> bySimulator = new TreeMap<>();
        for (Simulation s : sims) {
            s.summary().dispatch().nodes().forEach((node, n) -> bySimulator.merge(node, n, Integer::sum));
        }
        Map<String, Object> perNode = new LinkedHashMap<>();
        List<Double> online = new ArrayList<>();
        List<Double> assignedBySimulator = new ArrayList<>();
        double refused = 0;
        for (int i = 0; i < stack.nodes.size(); i++) {
            NodeProcess n = stack.nodes.get(i);
            Prometheus p = n.scrape();
            String id = Stack.nodeId(stack.nodes.size(), i);
            double vehicles = p.sum("gb32960_vehicles_online");
            double simulated = bySimulator.getOrDefault("127.0.0.1:" + n.accessPort(), 0);
            online.add(vehicles);
            assignedBySimulator.add(simulated);
            refused += p.sum("gb32960_logins_total", "result=refused");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vehiclesOnline", vehicles);
            m.put("simulatorVehicles", simulated);
            m.put("connections", p.sum("gb32960_connections"));
            m.put("logins", p.sum("gb32960_logins_total", "result=success"));
            m.put("dispatchAssigned", p.sum("gb32960_dispatch_logins_total", "result=assigned"));
            m.put("dispatchRefused", p.sum("gb32960_dispatch_logins_total", "result=refused"));
            m.put("kicksReceived", p.sum("gb32960_kicks_received_total"));
            m.put("sessionsReconciled", p.sum("gb32960_sessions_reconciled_total"));
            String inflight = redis.get(RedisKeys.inflight(id));
            m.put("inflightLeft", inflight == null ? 0 : Long.parseLong(inflight));
            perNode.put(id, m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("balancePercent", Stats.round(balance(online), 2));
        out.put("simulatorBalancePercent", Stats.round(balance(assignedBySimulator), 2));
        out.put("nodeLoginsRefused", refused - before.sum("gb32960_logins_total", "result=refused"));
        out.put("perNode", perNode);
        return out;
    }

    /** {@code max / min - 1} in percent: 0 is perfect balance. */
    private static double balance(List<Double> counts) {
        double max = counts.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        double min = counts.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        return min <= 0 ? Double.NaN : 100 * (max / min - 1);
    }

    private static Map<String, Object> simulator(List<Simulation> sims) {
        long attempts = 0;
        long assignments = 0;
        long refusals = 0;
        long connectFailures = 0;
        long rejected = 0;
        long timeouts = 0;
        long aborted = 0;
        long reconnects = 0;
        long errors = 0;
        String lastError = null;
        List<Object> loginLatency = new ArrayList<>();
        for (Simulation s : sims) {
            SimulationSummary x = s.summary();
            attempts += x.dispatch().attempts();
            assignments += x.dispatch().successes();
            refusals += x.dispatch().refusals();
            connectFailures += x.connectFailures();
            rejected += x.loginRejected();
            timeouts += x.loginTimeouts();
            aborted += x.loginAborted();
            reconnects += x.reconnects();
            errors += x.errors();
            lastError = x.lastError() != null ? x.lastError() : lastError;
            SimulationSummary.Latency l = x.latency().get(CommandId.VEHICLE_LOGIN.jsonName());
            if (l != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("dispatcher", s.config().dispatch().address());
                m.put("p50", l.p50());
                m.put("p99", l.p99());
                m.put("max", l.max());
                loginLatency.add(m);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dispatchAttempts", attempts);
        m.put("assignments", assignments);
        m.put("dispatchRefusals", refusals);
        m.put("connectFailures", connectFailures);
        m.put("loginsRejected", rejected);
        m.put("loginTimeouts", timeouts);
        m.put("closedBeforeAnswer", aborted);
        m.put("reconnects", reconnects);
        m.put("errors", errors);
        if (lastError != null) {
            m.put("lastError", lastError);
        }
        m.put("vehicleLoginLatencyMsNote", "0x01 sent to its answer at the assigned node, by dispatch listener");
        m.put("vehicleLoginLatencyMs", loginLatency);
        return m;
    }
}
