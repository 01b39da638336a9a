package io.gb32960.benchmarks.load;

import io.gb32960.platform.common.command.CommandGateway;
import io.gb32960.platform.common.command.DownlinkCommand;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.simulator.sim.Simulation;
import io.gb32960.simulator.sim.SimulationSummary;
import org.redisson.api.RedissonClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Downlink command round trips with the whole fleet connected and logged in to one node: a
 * {@link CommandGateway} in this JVM sends query commands 0x80 to random vehicles (route lookup in
 * Redis, publish on the node's channel, the node writes the frame, the simulated terminal answers,
 * the node correlates the answer and publishes the result back). The figure is the gateway's view:
 * {@code send} to the result; the node's own {@code gb32960_commands_round_trip} (frame written to
 * answer read) shows how much of it is the terminal leg.
 */
@Command(name = "commands", mixinStandardHelpOptions = true,
        description = "Command round trip gateway -> node -> terminal -> node -> gateway, every vehicle connected.")
final class CommandBenchmark extends LoadBenchmark.Measurement {

    /**
     * A connected fleet that reports once a minute (its reports land in the window, bunched over
     * the ramp-up); {@code --interval 10s} puts a production-like telemetry load behind the commands.
     */
    @Mixin
    FleetOptions fleet = new FleetOptions(10_000, "60s", "60s", "10s", 2);

    @Mixin
    WindowOptions window = new WindowOptions("15s", "30s", "5s");

    @Option(names = "--rate", defaultValue = "500",
            description = "Commands per second to offer (open loop); 0 = closed loop with --in-flight (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--in-flight", defaultValue = "16",
            description = "With --rate 0: commands outstanding at all times (default: ${DEFAULT-VALUE}).")
    int inFlight;

    @Option(names = "--parameters", defaultValue = "1,2,3", split = ",",
            description = "Parameter ids the query asks for (default: ${DEFAULT-VALUE}).")
    List<Integer> parameters;

    @Option(names = "--command-timeout", defaultValue = "10s", converter = LoadBenchmark.DurationConverter.class,
            description = "Timeout of each command (default: ${DEFAULT-VALUE}).")
    Duration commandTimeout;

    @Override
    public Integer call() throws Exception {
        LoadBenchmark.Common o = o();
        fleet.register(o, "commands");
        Map<String, Object> settings = new LinkedHashMap<>(fleet.describe());
        settings.putAll(window.describe());
        settings.put("mode", rate > 0 ? "open loop at " + rate + " commands/s"
                : "closed loop: " + inFlight + " commands in flight");
        settings.put("command", "query 0x80 of parameters " + parameters + " to a vehicle drawn at random");
        settings.put("commandTimeout", commandTimeout.toString());
        settings.put("gateway", "io.gb32960.platform.common.command.CommandGateway in this JVM (Redisson, "
                + "Settings.standard: resend after 1 min, so none within the timeout)");
        return runAndReport("commands", "latencyP99Ms", r -> runOnce(r), settings);
    }

    private Map<String, Object> runOnce(int r) throws Exception {
        LoadBenchmark.Common o = o();
        String label = "commands" + r;
        try (Stack stack = Stack.start(o, label, Map.of());
             RedisPipe redis = new RedisPipe(o.redisHost(), o.redisPort())) {
            Simulation sim = new Simulation(fleet.simulation("127.0.0.1", stack.node.accessPort())
                    .logoutOnStop(true).build());
            Map<String, Object> run = new LinkedHashMap<>();
            RedissonClient redisson = null;
            CommandGateway gateway = null;
            CommandDriver driver = null;
            sim.start();
            try {
                FleetProgress.awaitLoggedIn(sim, fleet.rampUp().plusSeconds(180), label);
                double online = stack.awaitOnline(fleet.vehicles, Duration.ofSeconds(60));
                LoadBenchmark.log("%s: %.0f vehicles online at the node; commands for %s of warm-up", label, online,
                        window.warmUp());
                redisson = RedisClients.connect(o);
                gateway = new CommandGateway(redisson, new SessionStore(redisson),
                        CommandGateway.Settings.standard("bench-" + ProcessHandle.current().pid() + "-" + label)).start();
                driver = new CommandDriver(gateway, fleet.vin(), fleet.vehicles, new DownlinkCommand.Query(parameters),
                        commandTimeout);
                driver.start(inFlight, rate);
                Thread.sleep(window.warmUp().toMillis());
                LoadBenchmark.log("%s: warm-up done: %d commands completed, p99 %.1f ms", label, driver.completed(),
                        driver.latency().current().percentileMillis(0.99));
                if (o.jfr) {
                    stack.recordJfr(label, window.measure());
                }
                Sampler sampler = new Sampler(stack, redis, () -> 0);
                CommandDriver d = driver;
                d.latency().reset();
                long completed0 = d.completed();
                Map<String, Long> results0 = d.results();
                List<Sample> samples = sampler.window(window.measure(), window.sample(), (prev, s) -> LoadBenchmark.log(
                        "%s: %.0f commands/s answered at the node, gateway p50 %.2f ms p99 %.2f ms, cpu node %.2f"
                                + " redis %.2f harness %.2f, other programs %.2f", label,
                        Sample.rate(answered(prev), answered(s), prev, s), d.latency().current().percentileMillis(0.5),
                        d.latency().current().percentileMillis(0.99), s.cores(prev.cpuNode(), s.cpuNode(), prev),
                        s.cores(prev.cpuRedis(), s.cpuRedis(), prev), s.cores(prev.cpuHarness(), s.cpuHarness(), prev),
                        sampler.foreign(prev, s)));
                Histogram latency = d.latency().reset();
                long completed = d.completed() - completed0;
                Map<String, Long> results = d.results();
                results.replaceAll((status, n) -> n - results0.getOrDefault(status, 0L));
                results.values().removeIf(n -> n == 0);
                driver.stop(commandTimeout.plusSeconds(3));
                Sample a = samples.get(0);
                Sample b = samples.get(samples.size() - 1);
                Prometheus end = stack.scrape();
                double seconds = b.seconds() - a.seconds();
                run.put("run", r);
                run.put("busyBeforeRunPercent", stack.busyBeforeRunPercent);
                run.put("loadAverageBeforeRun", stack.loadAverageBeforeRun);
                run.put("vehiclesOnline", online);
                run.put("windowSeconds", Stats.round(seconds, 1));
                run.put("commandsPerSecond", Stats.round(completed / seconds, 0));
                Map<String, Object> summary = latency.summary();
                run.put("latencyP50Ms", summary.get("p50"));
                run.put("latencyP99Ms", summary.get("p99"));
                run.put("latencyMs", summary);
                run.put("results", results);
                run.put("resultDetails", d.details());
                run.put("node", nodeSide(a.metrics(), b.metrics(), end));
                run.put("cpuCores", Sampler.cpu(a, b, Runtime.getRuntime().availableProcessors()));
                run.put("otherProcessesCores", sampler.others(a, b));
                run.put("cpuMicrosPerCommand", Sampler.perOperation(a, b, completed));
                run.put("nodeThreadsMicrosPerCommand", Sampler.nodeThreads(a, b, completed));
            } finally {
                if (driver != null) {
                    driver.close();
                }
                if (gateway != null) {
                    gateway.close();
                }
                if (redisson != null) {
                    redisson.shutdown();
                }
                sim.stop();
            }
            run.put("simulator", simulator(sim.summary()));
            run.put("nodeCommand", String.join(" ", stack.node.command()));
            return run;
        }
    }

    private static double answered(Sample s) {
        return s.metrics().sum("gb32960_commands_total", "result=ANSWERED");
    }

    /**
     * The node's view: results by status in the window, resends, unmatched answers, and its round
     * trip (frame written to answer read) at the end, as the node's timer publishes it.
     */
    private static Map<String, Object> nodeSide(Prometheus a, Prometheus b, Prometheus end) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> results = new LinkedHashMap<>();
        for (String status : List.of("ANSWERED", "REJECTED", "OFFLINE", "TIMEOUT", "SEND_FAILED", "UNREADABLE")) {
            double n = b.sum("gb32960_commands_total", "result=" + status)
                    - a.sum("gb32960_commands_total", "result=" + status);
            if (n != 0) {
                results.put(status, n);
            }
        }
        m.put("resultsInWindow", results);
        m.put("resentInWindow", b.sum("gb32960_commands_resent_total") - a.sum("gb32960_commands_resent_total"));
        m.put("unmatchedAnswersInWindow", b.sum("gb32960_commands_unmatched_answers_total")
                - a.sum("gb32960_commands_unmatched_answers_total"));
        Map<String, Object> reconciled = new LinkedHashMap<>();
        for (String fix : List.of("restored", "kicked", "removed")) {
            reconciled.put(fix, end.sum("gb32960_sessions_reconciled_total", "fix=" + fix));
        }
        m.put("sessionsReconciledSinceStart", reconciled);
        m.put("roundTripP50Ms", Stats.round(1000 * end.sum("gb32960_commands_round_trip_seconds", "quantile=0.5"), 3));
        m.put("roundTripP99Ms", Stats.round(1000 * end.sum("gb32960_commands_round_trip_seconds", "quantile=0.99"), 3));
        m.put("roundTripMaxMs", Stats.round(1000 * end.sum("gb32960_commands_round_trip_seconds_max"), 3));
        m.put("roundTripNote", "frame written to answer read at the node; Micrometer's decaying window at the end");
        return m;
    }

    private static Map<String, Object> simulator(SimulationSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commandsReceived", s.commands().received());
        m.put("commandsAnswered", s.commands().answered());
        m.put("commandsRefused", s.commands().refused());
        m.put("disconnects", s.disconnects());
        m.put("errors", s.errors());
        if (s.lastError() != null) {
            m.put("lastError", s.lastError());
        }
        return m;
    }
}
