package io.gb32960.benchmarks.load;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.simulator.sim.Progress;
import io.gb32960.simulator.sim.Simulation;
import io.gb32960.simulator.sim.SimulationConfig;
import io.gb32960.simulator.sim.SimulationSummary;
import io.gb32960.simulator.sim.VehicleIdentities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realtime frames from many simulated vehicles through the node into Kafka. The figure is what
 * Kafka acknowledged: the growth of the telemetry topic's end offsets over the measurement window
 * (after all vehicles logged in and a warm-up), cross-checked with the node's
 * {@code gb32960_telemetry_published_total}; the queue and the spill must stay flat for the rate to
 * count as sustained.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Sustained realtime frames/s into Kafka (gb32960.telemetry).")
final class IngestBenchmark extends LoadBenchmark.Measurement {

    @Option(names = "--vehicles", defaultValue = "5000", description = "Simulated vehicles (default: ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--interval", defaultValue = "100ms", converter = LoadBenchmark.DurationConverter.class,
            description = "Realtime report period of each vehicle (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--ramp-up", defaultValue = "10s", converter = LoadBenchmark.DurationConverter.class,
            description = "Spread of the vehicles' connections (default: ${DEFAULT-VALUE}).")
    Duration rampUp;

    @Option(names = "--heartbeat", defaultValue = "30s", converter = LoadBenchmark.DurationConverter.class,
            description = "Heartbeat period (default: ${DEFAULT-VALUE}).")
    Duration heartbeat;

    @Option(names = "--warm-up", defaultValue = "60s", converter = LoadBenchmark.DurationConverter.class,
            description = "Load before the window, after every vehicle logged in (default: ${DEFAULT-VALUE}).")
    Duration warmUp;

    @Option(names = "--measure", defaultValue = "60s", converter = LoadBenchmark.DurationConverter.class,
            description = "The measurement window (default: ${DEFAULT-VALUE}).")
    Duration measure;

    @Option(names = "--sample", defaultValue = "5s", converter = LoadBenchmark.DurationConverter.class,
            description = "Sampling period inside the window (default: ${DEFAULT-VALUE}).")
    Duration sample;

    @Option(names = "--sim-threads", defaultValue = "2", description = "Simulator event loops (default: ${DEFAULT-VALUE}).")
    int simThreads;

    @Option(names = "--vin-pattern", defaultValue = VehicleIdentities.DEFAULT_PATTERN,
            description = "VINs of the vehicles, numbered from 1 (default: ${DEFAULT-VALUE}).")
    String vinPattern;

    @Override
    public Integer call() throws Exception {
        LoadBenchmark.Common o = o();
        try (RedisPipe redis = new RedisPipe(o.redisHost(), o.redisPort())) {
            redis.registerVehicles(i -> String.format(vinPattern, i + 1), vehicles);
        }
        LoadBenchmark.log("ingest: %d vehicles registered (%s)", vehicles, vinPattern);
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Map<String, Object>> discarded = new ArrayList<>();
        runs.addAll(LoadBenchmark.runAll(o, "ingest", "kafkaFramesPerSecond", r -> runOnce(r), discarded));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("vehicles", vehicles);
        settings.put("interval", interval.toString());
        settings.put("offeredFramesPerSecond", vehicles * 1e9 / interval.toNanos());
        settings.put("rampUp", rampUp.toString());
        settings.put("heartbeat", heartbeat.toString());
        settings.put("warmUp", warmUp.toString());
        settings.put("measure", measure.toString());
        settings.put("sample", sample.toString());
        settings.put("simulator", "in-process io.gb32960.simulator.sim.Simulation, edition 2016, " + simThreads
                + " event loops, VINs " + vinPattern);
        System.out.println(LoadBenchmark.result("ingest", o, settings, runs, discarded));
        return 0;
    }

    private SimulationConfig config(int port) {
        return SimulationConfig.builder().host("127.0.0.1").port(port)
                .vehicles(VehicleIdentities.pattern(vinPattern, 1, vehicles))
                .interval(interval).heartbeat(heartbeat).rampUp(rampUp).threads(simThreads)
                .duration(Duration.ZERO).logoutOnStop(true).build();
    }

    private Map<String, Object> runOnce(int r) throws Exception {
        LoadBenchmark.Common o = o();
        String label = "ingest" + r;
        try (Stack stack = Stack.start(o, label, Map.of());
             RedisPipe redis = new RedisPipe(o.redisHost(), o.redisPort())) {
            Simulation sim = new Simulation(config(stack.node.accessPort()));
            Map<String, Object> run = new LinkedHashMap<>();
            Sampler sampler = new Sampler(stack, redis, () -> {
                SimulationSummary s = sim.summary();
                return s.framesSent(CommandId.REALTIME_REPORT) + s.framesSent(CommandId.REISSUE_REPORT);
            });
            List<Sample> samples = new ArrayList<>();
            Prometheus end;
            sim.start();
            try {
                awaitLoggedIn(sim, rampUp.plusSeconds(120), label);
                LoadBenchmark.log("%s: all %d vehicles logged in; warming up for %s", label, vehicles, warmUp);
                sleepWithProgress(sim, warmUp, label);
                if (o.jfr) {
                    stack.node.jcmd("JFR.start", "name=load", "settings=profile",
                            "duration=" + measure.toSeconds() + "s",
                            "filename=" + stack.dir.resolve("node-" + label + ".jfr"));
                }
                long start = System.nanoTime();
                samples.add(sampler.take());
                for (int i = 1; (long) i * sample.toNanos() <= measure.toNanos(); i++) {
                    long wait = start + i * sample.toNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    Sample s = sampler.take();
                    Sample prev = samples.get(samples.size() - 1);
                    samples.add(s);
                    LoadBenchmark.log("%s: %.0f frames/s into Kafka, node in %.0f/s, sim sent %.0f/s, buffered %.0f,"
                                    + " spill %.0f, cpu node %.2f broker %.2f harness %.2f, other programs %.2f", label,
                            Sample.rate(prev.kafkaOffsets(), s.kafkaOffsets(), prev, s),
                            Sample.rate(prev.framesIn(), s.framesIn(), prev, s),
                            Sample.rate(prev.simFrames(), s.simFrames(), prev, s), s.buffered(), s.spillFrames(),
                            s.cores(prev.cpuNode(), s.cpuNode(), prev), s.cores(prev.cpuBroker(), s.cpuBroker(), prev),
                            s.cores(prev.cpuHarness(), s.cpuHarness(), prev), sampler.foreign(prev, s));
                }
                end = stack.node.scrape();
            } finally {
                sim.stop();
            }
            SimulationSummary summary = sim.summary();
            Sample a = samples.get(0);
            Sample b = samples.get(samples.size() - 1);
            double window = b.seconds() - a.seconds();
            double[] intervals = new double[samples.size() - 1];
            double maxBuffered = 0;
            double maxSpill = 0;
            for (int i = 1; i < samples.size(); i++) {
                intervals[i - 1] = Sample.rate(samples.get(i - 1).kafkaOffsets(), samples.get(i).kafkaOffsets(),
                        samples.get(i - 1), samples.get(i));
                maxBuffered = Math.max(maxBuffered, samples.get(i).buffered());
                maxSpill = Math.max(maxSpill, samples.get(i).spillFrames());
            }
            run.put("run", r);
            run.put("busyBeforeRunPercent", stack.busyBeforeRunPercent);
            run.put("windowSeconds", Stats.round(window, 1));
            run.put("kafkaFramesPerSecond", Stats.round(Sample.rate(a.kafkaOffsets(), b.kafkaOffsets(), a, b), 0));
            run.put("kafkaMinIntervalPerSecond", Stats.round(Stats.min(intervals), 0));
            run.put("kafkaMaxIntervalPerSecond", Stats.round(Stats.max(intervals), 0));
            run.put("publishedPerSecond", Stats.round(Sample.rate(a.published(), b.published(), a, b), 0));
            run.put("nodeReceivedPerSecond", Stats.round(Sample.rate(a.framesIn(), b.framesIn(), a, b), 0));
            run.put("simulatorSentPerSecond", Stats.round(Sample.rate(a.simFrames(), b.simFrames(), a, b), 0));
            run.put("kafkaFramesInWindow", b.kafkaOffsets() - a.kafkaOffsets());
            run.put("maxQueued", maxBuffered);
            run.put("maxSpilled", maxSpill);
            run.put("spilledTotal", end.sum("gb32960_telemetry_spilled_total"));
            run.put("kafkaErrors", end.sum("gb32960_telemetry_kafka_errors_total"));
            run.put("kafkaSendLatencyP50Ms", Stats.round(1000 * end.sum("gb32960_telemetry_kafka_latency_seconds",
                    "quantile=0.5"), 2));
            run.put("kafkaSendLatencyP99Ms", Stats.round(1000 * end.sum("gb32960_telemetry_kafka_latency_seconds",
                    "quantile=0.99"), 2));
            run.put("cpuCores", Sampler.cpu(a, b, Runtime.getRuntime().availableProcessors()));
            run.put("otherProcessesCores", sampler.others(a, b));
            run.put("cpuMicrosPerFrame", perOperation(a, b, b.kafkaOffsets() - a.kafkaOffsets()));
            run.put("nodeThreadsMicrosPerFrame", Sampler.nodeThreads(a, b, b.kafkaOffsets() - a.kafkaOffsets()));
            run.put("intervalFramesPerSecond", toList(intervals));
            run.put("simulator", simulator(summary));
            run.put("afterStop", drain(stack));
            run.put("nodeCommand", String.join(" ", stack.node.command()));
            return run;
        }
    }

    /** CPU microseconds per operation (frame, login) of each process between two samples. */
    static Map<String, Object> perOperation(Sample a, Sample b, double operations) {
        Map<String, Object> m = new LinkedHashMap<>();
        double ops = Math.max(1, operations);
        m.put("node", Stats.round(1e6 * (b.cpuNode() - a.cpuNode()) / ops, 2));
        m.put("broker", Stats.round(1e6 * (b.cpuBroker() - a.cpuBroker()) / ops, 2));
        m.put("harness", Stats.round(1e6 * (b.cpuHarness() - a.cpuHarness()) / ops, 2));
        m.put("redis", Stats.round(1e6 * (b.cpuRedis() - a.cpuRedis()) / ops, 2));
        m.put("softirq", Stats.round(1e6 * (b.softirq() - a.softirq()) / ops, 2));
        return m;
    }

    /** After the simulator stopped: waits for the node to empty its queue, then compares Kafka with what arrived. */
    private static Map<String, Object> drain(Stack stack) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long offsets = -1;
        Prometheus p = stack.node.scrape();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = stack.kafka.endOffsets();
            p = stack.node.scrape();
            if (now == offsets && p.sum("gb32960_telemetry_buffered") == 0) {
                break;
            }
            offsets = now;
        }
        offsets = stack.kafka.endOffsets();
        double received = p.sum("gb32960_frames_in_total", "command=realtimeReport")
                + p.sum("gb32960_frames_in_total", "command=reissueReport");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodeReceived", received);
        m.put("kafkaRecords", offsets);
        m.put("spillFrames", p.sum("gb32960_telemetry_spill_frames"));
        m.put("receivedMinusKafkaMinusSpill", received - offsets - p.sum("gb32960_telemetry_spill_frames"));
        return m;
    }

    private static Map<String, Object> simulator(SimulationSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("realtimeSent", s.framesSent(CommandId.REALTIME_REPORT));
        m.put("reissueSent", s.framesSent(CommandId.REISSUE_REPORT));
        m.put("bytesPerFrame", Stats.round((double) s.bytesSent() / Math.max(1, s.framesSentTotal()), 1));
        m.put("connectFailures", s.connectFailures());
        m.put("disconnects", s.disconnects());
        m.put("loginFailures", s.loginFailures());
        m.put("reissueBuffered", s.reissue().buffered());
        m.put("reissueDropped", s.reissue().dropped());
        m.put("errors", s.errors());
        if (s.lastError() != null) {
            m.put("lastError", s.lastError());
        }
        SimulationSummary.Latency login = s.latency().get(CommandId.VEHICLE_LOGIN.jsonName());
        if (login != null) {
            m.put("loginLatencyP50Ms", login.p50());
            m.put("loginLatencyP99Ms", login.p99());
        }
        SimulationSummary.Latency hb = s.latency().get(CommandId.HEARTBEAT.jsonName());
        if (hb != null) {
            m.put("heartbeatLatencyP50Ms", hb.p50());
            m.put("heartbeatLatencyP99Ms", hb.p99());
        }
        return m;
    }

    static void awaitLoggedIn(Simulation sim, Duration timeout, String label) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Progress last = null;
        long nextLog = System.nanoTime();
        int n = sim.config().vehicles().size();
        while (true) {
            Progress p = sim.progress();
            if (p.loggedIn() >= n) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(label + ": only " + p.loggedIn() + " of " + n
                        + " vehicles logged in within " + timeout + "; " + sim.summary().lastError());
            }
            if (System.nanoTime() >= nextLog) {
                LoadBenchmark.log("%s: %s", label, p.line(last));
                last = p;
                nextLog = System.nanoTime() + 5_000_000_000L;
            }
            Thread.sleep(100);
        }
    }

    static void sleepWithProgress(Simulation sim, Duration d, String label) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        Progress last = sim.progress();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            Progress p = sim.progress();
            LoadBenchmark.log("%s: %s", label, p.line(last));
            last = p;
        }
    }

    private static List<Object> toList(double[] values) {
        List<Object> out = new ArrayList<>();
        for (double v : values) {
            out.add(Stats.round(v, 0));
        }
        return out;
    }
}
