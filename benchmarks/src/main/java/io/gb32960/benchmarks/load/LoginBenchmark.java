package io.gb32960.benchmarks.load;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Vehicle logins per second against Redis. The connections are opened first, paced below the
 * accept backlog, and only then do logins start, so neither the backlog nor SYN retransmits are
 * in the figure. Every login names a VIN the node has not seen in this run, so each one reads the
 * registry from Redis (cache miss) and writes session and route; the node answers after both.
 * The figure is the node's {@code gb32960_logins_total{result="success"}} over the window; the
 * latencies are the driver's, send to answer.
 */
@Command(name = "logins", mixinStandardHelpOptions = true,
        description = "Vehicle logins/s on open connections, each a registry read and a session write in Redis.")
final class LoginBenchmark extends LoadBenchmark.Measurement {

    @Option(names = "--connections", defaultValue = "2000",
            description = "Connections opened before the logins start; in the closed loop, the logins in flight (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--connect-rate", defaultValue = "1000", description = "Connections opened per second (default: ${DEFAULT-VALUE}).")
    int connectRate;

    @Option(names = "--rate", defaultValue = "0",
            description = "Logins per second to offer (open loop); 0 = closed loop: the next login as soon as the last is answered (default: ${DEFAULT-VALUE}).")
    double rate;

    @Mixin
    WindowOptions window = new WindowOptions("60s", "60s", "5s");

    @Option(names = "--vins", defaultValue = "1500000",
            description = "Registered VINs to log in with, each at most once per run (default: ${DEFAULT-VALUE}).")
    int vins;

    @Option(names = "--vin-pattern", defaultValue = "LGB32960LG%07d",
            description = "VINs of the pool, numbered from 1; removed from Redis at the end (default: ${DEFAULT-VALUE}).")
    String vinPattern;

    @Option(names = "--driver-threads", defaultValue = "1", description = "Event loops of the login driver (default: ${DEFAULT-VALUE}).")
    int driverThreads;

    @Override
    public Integer call() throws Exception {
        LoadBenchmark.Common o = o();
        IntFunction<String> vin = i -> String.format(vinPattern, i + 1);
        long t0 = System.nanoTime();
        try (RedisPipe redis = new RedisPipe(o.redisHost(), o.redisPort())) {
            redis.registerVehicles(vin, vins);
        }
        LoadBenchmark.log("logins: %d VINs registered (%s) in %d ms", vins, vinPattern, (System.nanoTime() - t0) / 1_000_000);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("connections", connections);
        settings.put("connectRate", connectRate);
        settings.put("mode", rate > 0 ? "open loop at " + rate + " logins/s" : "closed loop: " + connections + " logins in flight");
        settings.putAll(window.describe());
        settings.put("vinPool", vins + " x " + vinPattern + ", each VIN at most once per run (registry cache misses)");
        settings.put("driver", "in-process io.gb32960.benchmarks.load.LoginDriver, edition 2016, " + driverThreads
                + " event loop(s); a logged-in connection logs in its next VIN (the node moves the connection)");
        try {
            return runAndReport("logins", "nodeLoginsPerSecond", r -> runOnce(r, vin), settings);
        } finally {
            try (RedisPipe redis = new RedisPipe(o.redisHost(), o.redisPort())) {
                long deleted = redis.removeVehicles(vin, vins);
                LoadBenchmark.log("logins: removed %d keys (registry, sessions, routes of the pool)", deleted);
            }
        }
    }

    private Map<String, Object> runOnce(int r, IntFunction<String> vin) throws Exception {
        LoadBenchmark.Common o = o();
        String label = "logins" + r;
        try (Stack stack = Stack.start(o, label, Map.of());
             RedisPipe redis = new RedisPipe(o.redisHost(), o.redisPort());
             LoginDriver driver = new LoginDriver("127.0.0.1", stack.node.accessPort(), driverThreads, vin, vins)) {
            long t0 = System.nanoTime();
            int open = driver.connect(connections, connectRate, Duration.ofSeconds(60));
            double nodeConnections = stack.node.scrape().sum("gb32960_connections");
            LoadBenchmark.log("%s: %d connections open in %d ms (node: %.0f)", label, open,
                    (System.nanoTime() - t0) / 1_000_000, nodeConnections);
            if (open < connections) {
                throw new IllegalStateException(label + ": only " + open + " of " + connections + " connections opened");
            }
            Sampler sampler = new Sampler(stack, redis, () -> 0);
            driver.start(rate);
            Thread.sleep(window.warmUp().toMillis());
            LoadBenchmark.log("%s: warm-up done: %d logins answered", label, driver.succeeded());
            if (o.jfr) {
                stack.recordJfr(label, window.measure());
            }
            driver.latency().reset();
            long sent0 = driver.sent();
            long ok0 = driver.succeeded();
            long missed0 = driver.missed();
            List<Sample> samples = sampler.window(window.measure(), window.sample(), (prev, s) -> LoadBenchmark.log(
                    "%s: %.0f logins/s at the node, latency p50 %.1f ms p99 %.1f ms, cpu node %.2f"
                            + " redis %.2f broker %.2f harness %.2f, other programs %.2f%s", label,
                    Sample.rate(prev.logins(), s.logins(), prev, s), driver.latency().current().percentileMillis(0.5),
                    driver.latency().current().percentileMillis(0.99), s.cores(prev.cpuNode(), s.cpuNode(), prev),
                    s.cores(prev.cpuRedis(), s.cpuRedis(), prev), s.cores(prev.cpuBroker(), s.cpuBroker(), prev),
                    s.cores(prev.cpuHarness(), s.cpuHarness(), prev), sampler.foreign(prev, s),
                    driver.exhausted() ? " (VIN pool exhausted)" : ""));
            Histogram latency = driver.latency().reset();
            long sent = driver.sent() - sent0;
            long ok = driver.succeeded() - ok0;
            long missed = driver.missed() - missed0;
            Prometheus end = stack.node.scrape();
            driver.stop(Duration.ofSeconds(10));
            Sample a = samples.get(0);
            Sample b = samples.get(samples.size() - 1);
            double[] intervals = Sampler.intervalRates(samples, Sample::logins);
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("run", r);
            run.put("busyBeforeRunPercent", stack.busyBeforeRunPercent);
            run.put("windowSeconds", Stats.round(b.seconds() - a.seconds(), 1));
            run.put("nodeLoginsPerSecond", Stats.round(Sample.rate(a.logins(), b.logins(), a, b), 0));
            run.put("nodeMinIntervalPerSecond", Stats.round(Stats.min(intervals), 0));
            run.put("nodeMaxIntervalPerSecond", Stats.round(Stats.max(intervals), 0));
            run.put("driverAnsweredPerSecond", Stats.round(ok / (b.seconds() - a.seconds()), 0));
            run.put("driverSentInWindow", sent);
            run.put("latencyMs", latency.summary());
            run.put("refusedTotal", end.sum("gb32960_logins_total", "result=refused"));
            run.put("driverRefused", driver.refused());
            run.put("driverClosedInFlight", driver.closed());
            run.put("driverMissed", missed);
            run.put("vinPoolExhausted", driver.exhausted());
            run.put("vinsUsed", driver.vinsUsed());
            run.put("connectionsAtEnd", end.sum("gb32960_connections"));
            run.put("vehicleEvents", end.sum("gb32960_vehicle_events_total"));
            run.put("cpuCores", Sampler.cpu(a, b, Runtime.getRuntime().availableProcessors()));
            run.put("otherProcessesCores", sampler.others(a, b));
            run.put("cpuMicrosPerLogin", Sampler.perOperation(a, b, b.logins() - a.logins()));
            run.put("nodeThreadsMicrosPerLogin", Sampler.nodeThreads(a, b, b.logins() - a.logins()));
            run.put("intervalLoginsPerSecond", Stats.roundedList(intervals));
            run.put("nodeCommand", String.join(" ", stack.node.command()));
            return run;
        }
    }
}
