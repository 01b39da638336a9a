package io.gb32960.benchmarks.load;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.simulator.sim.Simulation;
import io.gb32960.simulator.sim.SimulationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
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

    @Mixin
    FleetOptions fleet = new FleetOptions(5000, "100ms", "30s", "10s", 2);

    @Mixin
    WindowOptions window = new WindowOptions("60s", "60s", "5s");

    @Override
    public Integer call() throws Exception {
        LoadBenchmark.Common o = o();
        fleet.register(o, "ingest");
        Map<String, Object> settings = new LinkedHashMap<>(fleet.describe());
        settings.put("offeredFramesPerSecond", fleet.vehicles * 1e9 / fleet.interval().toNanos());
        settings.putAll(window.describe());
        return runAndReport("ingest", "kafkaFramesPerSecond", r -> runOnce(r), settings);
    }

    private Map<String, Object> runOnce(int r) throws Exception {
        LoadBenchmark.Common o = o();
        String label = "ingest" + r;
        try (Stack stack = Stack.start(o, label, Map.of());
             RedisPipe redis = new RedisPipe(o.redisHost(), o.redisPort())) {
            Simulation sim = new Simulation(fleet.simulation("127.0.0.1", stack.node.accessPort())
                    .logoutOnStop(true).build());
            Map<String, Object> run = new LinkedHashMap<>();
            Sampler sampler = new Sampler(stack, redis, () -> {
                SimulationSummary s = sim.summary();
                return s.framesSent(CommandId.REALTIME_REPORT) + s.framesSent(CommandId.REISSUE_REPORT);
            });
            List<Sample> samples;
            Prometheus end;
            sim.start();
            try {
                FleetProgress.awaitLoggedIn(sim, fleet.rampUp().plusSeconds(120), label);
                LoadBenchmark.log("%s: all %d vehicles logged in; warming up for %s", label, fleet.vehicles, window.warmUp());
                FleetProgress.sleepWithProgress(sim, window.warmUp(), label);
                if (o.jfr) {
                    stack.recordJfr(label, window.measure());
                }
                samples = sampler.window(window.measure(), window.sample(), (prev, s) -> LoadBenchmark.log(
                        "%s: %.0f frames/s into Kafka, node in %.0f/s, sim sent %.0f/s, buffered %.0f,"
                                + " spill %.0f, cpu node %.2f broker %.2f harness %.2f, other programs %.2f", label,
                        Sample.rate(prev.kafkaOffsets(), s.kafkaOffsets(), prev, s),
                        Sample.rate(prev.framesIn(), s.framesIn(), prev, s),
                        Sample.rate(prev.simFrames(), s.simFrames(), prev, s), s.buffered(), s.spillFrames(),
                        s.cores(prev.cpuNode(), s.cpuNode(), prev), s.cores(prev.cpuBroker(), s.cpuBroker(), prev),
                        s.cores(prev.cpuHarness(), s.cpuHarness(), prev), sampler.foreign(prev, s)));
                end = stack.node.scrape();
            } finally {
                sim.stop();
            }
            SimulationSummary summary = sim.summary();
            Sample a = samples.get(0);
            Sample b = samples.get(samples.size() - 1);
            double window = b.seconds() - a.seconds();
            double[] intervals = Sampler.intervalRates(samples, Sample::kafkaOffsets);
            double maxBuffered = 0;
            double maxSpill = 0;
            for (int i = 1; i < samples.size(); i++) {
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
            run.put("cpuMicrosPerFrame", Sampler.perOperation(a, b, b.kafkaOffsets() - a.kafkaOffsets()));
            run.put("nodeThreadsMicrosPerFrame", Sampler.nodeThreads(a, b, b.kafkaOffsets() - a.kafkaOffsets()));
            run.put("intervalFramesPerSecond", Stats.roundedList(intervals));
            run.put("simulator", simulator(summary));
            run.put("afterStop", drain(stack));
            run.put("nodeCommand", String.join(" ", stack.node.command()));
            return run;
        }
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
}
