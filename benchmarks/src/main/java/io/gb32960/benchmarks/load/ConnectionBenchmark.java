package io.gb32960.benchmarks.load;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.simulator.sim.Simulation;
import io.gb32960.simulator.sim.SimulationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Heap per connected, logged-in vehicle, with Kafka up: {@code jcmd GC.run} then
 * {@code GC.heap_info} on the node before the simulator starts and once every vehicle is logged in;
 * the difference divided by the vehicles.
 */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = "Heap per connected vehicle (full GC before and after the vehicles log in).")
final class ConnectionBenchmark extends LoadBenchmark.Measurement {

    /** This JVM and the node each hold one socket per vehicle; the open-file limit is per process. */
    @Mixin
    FleetOptions fleet = new FleetOptions(19000, "60s", "60s", "10s", 2);

    @Option(names = "--settle", defaultValue = "10s", converter = LoadBenchmark.DurationConverter.class,
            description = "Wait after the last login before the heap is measured (default: ${DEFAULT-VALUE}).")
    Duration settle;

    @Override
    public Integer call() throws Exception {
        LoadBenchmark.Common o = o();
        fleet.register(o, "connections");
        Map<String, Object> settings = new LinkedHashMap<>(fleet.describe());
        settings.put("logoutOnStop", false);
        settings.put("settle", settle.toString());
        return runAndReport("connections", "heapPerVehicleKb", r -> runOnce(r), settings);
    }

    private Map<String, Object> runOnce(int r) throws Exception {
        LoadBenchmark.Common o = o();
        String label = "connections" + r;
        try (Stack stack = Stack.start(o, label, Map.of())) {
            Thread.sleep(5_000); // let start-up settle
            long before = stack.node.heapUsedAfterFullGcKb();
            LoadBenchmark.log("%s: heap after full GC, no connection: %d KB", label, before);
            Simulation sim = new Simulation(fleet.simulation("127.0.0.1", stack.node.accessPort())
                    .logoutOnStop(false).build());
            Map<String, Object> run = new LinkedHashMap<>();
            sim.start();
            try {
                FleetProgress.awaitLoggedIn(sim, fleet.rampUp().plusSeconds(180), label);
                double online = stack.awaitOnline(fleet.vehicles, Duration.ofSeconds(60));
                LoadBenchmark.log("%s: %.0f vehicles online at the node; settling for %s", label, online, settle);
                Thread.sleep(settle.toMillis());
                long after = stack.node.heapUsedAfterFullGcKb();
                Prometheus p = stack.node.scrape();
                run.put("run", r);
                run.put("busyBeforeRunPercent", stack.busyBeforeRunPercent);
                run.put("heapBeforeKb", before);
                run.put("heapAfterKb", after);
                run.put("heapPerVehicleKb", Stats.round((double) (after - before) / fleet.vehicles, 2));
                run.put("vehiclesOnline", p.sum("gb32960_vehicles_online"));
                run.put("connections", p.sum("gb32960_connections"));
                run.put("nodeOpenFiles", Cpu.openFiles(stack.node.pid()));
                run.put("harnessOpenFiles", Cpu.openFiles(ProcessHandle.current().pid()));
                run.put("kafkaTelemetryRecords", stack.kafka.endOffsets());
                run.put("published", p.sum("gb32960_telemetry_published_total"));
                run.put("spillFrames", p.sum("gb32960_telemetry_spill_frames"));
                LoadBenchmark.log("%s: heap after full GC, %d vehicles: %d KB", label, fleet.vehicles, after);
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
