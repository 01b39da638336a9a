package io.gb32960.benchmarks.load;

import io.gb32960.protocol.frame.CommandId;
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
 * Heap per connected, logged-in vehicle, with Kafka up: {@code jcmd GC.run} then
 * {@code GC.heap_info} on the node before the simulator starts and once every vehicle is logged in;
 * the difference divided by the vehicles.
 */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = "Heap per connected vehicle (full GC before and after the vehicles log in).")
final class ConnectionBenchmark extends LoadBenchmark.Measurement {

    @Option(names = "--vehicles", defaultValue = "19000",
            description = "Vehicles (this JVM and the node each hold one socket per vehicle; the file limit is per process) (default: ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--interval", defaultValue = "60s", converter = LoadBenchmark.DurationConverter.class,
            description = "Realtime report period (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--heartbeat", defaultValue = "60s", converter = LoadBenchmark.DurationConverter.class,
            description = "Heartbeat period (default: ${DEFAULT-VALUE}).")
    Duration heartbeat;

    @Option(names = "--ramp-up", defaultValue = "10s", converter = LoadBenchmark.DurationConverter.class,
            description = "Spread of the connections (default: ${DEFAULT-VALUE}).")
    Duration rampUp;

    @Option(names = "--settle", defaultValue = "10s", converter = LoadBenchmark.DurationConverter.class,
            description = "Wait after the last login before the heap is measured (default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(names = "--sim-threads", defaultValue = "2", description = "Simulator event loops (default: ${DEFAULT-VALUE}).")
    int simThreads;

    @Option(names = "--vin-pattern", defaultValue = VehicleIdentities.DEFAULT_PATTERN,
            description = "VINs, numbered from 1 (default: ${DEFAULT-VALUE}).")
    String vinPattern;

    @Override
    public Integer call() throws Exception {
        LoadBenchmark.Common o = o();
        try (RedisPipe redis = new RedisPipe(o.redisHost(), o.redisPort())) {
            redis.registerVehicles(i -> String.format(vinPattern, i + 1), vehicles);
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Map<String, Object>> discarded = new ArrayList<>();
        runs.addAll(LoadBenchmark.runAll(o, "connection", "heapPerVehicleKb", r -> runOnce(r), discarded));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("vehicles", vehicles);
        settings.put("interval", interval.toString());
        settings.put("heartbeat", heartbeat.toString());
        settings.put("rampUp", rampUp.toString());
        settings.put("settle", settle.toString());
        settings.put("simulator", "in-process io.gb32960.simulator.sim.Simulation, edition 2016, " + simThreads
                + " event loops, no logout, VINs " + vinPattern);
        System.out.println(LoadBenchmark.result("connections", o, settings, runs, discarded));
        return 0;
    }

    private Map<String, Object> runOnce(int r) throws Exception {
        LoadBenchmark.Common o = o();
        String label = "connections" + r;
        try (Stack stack = Stack.start(o, label, Map.of())) {
            Thread.sleep(5_000); // let start-up settle
            long before = stack.node.heapUsedAfterFullGcKb();
            LoadBenchmark.log("%s: heap after full GC, no connection: %d KB", label, before);
            Simulation sim = new Simulation(SimulationConfig.builder().host("127.0.0.1").port(stack.node.accessPort())
                    .vehicles(VehicleIdentities.pattern(vinPattern, 1, vehicles)).interval(interval).heartbeat(heartbeat)
                    .rampUp(rampUp).threads(simThreads).duration(Duration.ZERO).logoutOnStop(false).build());
            Map<String, Object> run = new LinkedHashMap<>();
            sim.start();
            try {
                IngestBenchmark.awaitLoggedIn(sim, rampUp.plusSeconds(180), label);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                double online;
                while ((online = stack.node.scrape().sum("gb32960_vehicles_online")) < vehicles
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                LoadBenchmark.log("%s: %.0f vehicles online at the node; settling for %s", label, online, settle);
                Thread.sleep(settle.toMillis());
                long after = stack.node.heapUsedAfterFullGcKb();
                Prometheus p = stack.node.scrape();
                run.put("run", r);
                run.put("busyBeforeRunPercent", stack.busyBeforeRunPercent);
                run.put("heapBeforeKb", before);
                run.put("heapAfterKb", after);
                run.put("heapPerVehicleKb", Stats.round((double) (after - before) / vehicles, 2));
                run.put("vehiclesOnline", p.sum("gb32960_vehicles_online"));
                run.put("connections", p.sum("gb32960_connections"));
                run.put("nodeOpenFiles", Cpu.openFiles(stack.node.pid()));
                run.put("harnessOpenFiles", Cpu.openFiles(ProcessHandle.current().pid()));
                run.put("kafkaTelemetryRecords", stack.kafka.endOffsets());
                run.put("published", p.sum("gb32960_telemetry_published_total"));
                run.put("spillFrames", p.sum("gb32960_telemetry_spill_frames"));
                LoadBenchmark.log("%s: heap after full GC, %d vehicles: %d KB", label, vehicles, after);
            } finally {
                sim.stop();
            }
            SimulationSummary s = sim.summary();
            Map<String, Object> simulator = new LinkedHashMap<>();
            simulator.put("logins", s.responses(CommandId.VEHICLE_LOGIN, "success"));
            simulator.put("connectFailures", s.connectFailures());
            simulator.put("reconnects", s.reconnects());
            simulator.put("errors", s.errors());
            SimulationSummary.Latency login = s.latency().get(CommandId.VEHICLE_LOGIN.jsonName());
            if (login != null) {
                simulator.put("connectAndLoginLatencyNote", "login send to answer, during the ramp-up");
                simulator.put("loginLatencyP50Ms", login.p50());
                simulator.put("loginLatencyP99Ms", login.p99());
                simulator.put("loginLatencyMaxMs", login.max());
            }
            run.put("simulator", simulator);
            run.put("nodeCommand", String.join(" ", stack.node.command()));
            return run;
        }
    }
}
