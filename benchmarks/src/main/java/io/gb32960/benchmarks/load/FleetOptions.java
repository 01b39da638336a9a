package io.gb32960.benchmarks.load;

import io.gb32960.simulator.sim.SimulationConfig;
import io.gb32960.simulator.sim.VehicleIdentities;
import io.gb32960.simulator.sim.VehicleIdentity;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The simulated fleet of a measurement (a picocli mixin): how many vehicles, their VINs, how often
 * they report and beat, how fast they arrive, the simulator's event loops. Each measurement creates
 * it with its own defaults. The durations are kept as text, so that {@code --help} shows each
 * default as written (picocli prints a field's initial value), and are parsed when used.
 */
final class FleetOptions {

    private static final LoadBenchmark.DurationConverter DURATION = new LoadBenchmark.DurationConverter();

    @Option(names = "--vehicles", description = "Simulated vehicles (default: ${DEFAULT-VALUE}).")
    int vehicles;

    @Option(names = "--vin-pattern", description = "VINs of the vehicles, numbered from 1 (default: ${DEFAULT-VALUE}).")
    String vinPattern = VehicleIdentities.DEFAULT_PATTERN;

    @Option(names = "--interval", paramLabel = "DURATION",
            description = "Realtime report period of each vehicle (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--heartbeat", paramLabel = "DURATION", description = "Heartbeat period (default: ${DEFAULT-VALUE}).")
    String heartbeat;

    @Option(names = "--ramp-up", paramLabel = "DURATION",
            description = "Vehicle i of n starts at ramp-up * i / n; 0 = all at once (default: ${DEFAULT-VALUE}).")
    String rampUp;

    @Option(names = "--sim-threads", description = "Simulator event loops (default: ${DEFAULT-VALUE}).")
    int simThreads;

    FleetOptions(int vehicles, String interval, String heartbeat, String rampUp, int simThreads) {
        this.vehicles = vehicles;
        this.interval = interval;
        this.heartbeat = heartbeat;
        this.rampUp = rampUp;
        this.simThreads = simThreads;
    }

    Duration interval() {
        return DURATION.convert(interval);
    }

    Duration heartbeat() {
        return DURATION.convert(heartbeat);
    }

    Duration rampUp() {
        return DURATION.convert(rampUp);
    }

    /** The VIN of vehicle {@code i} (0-based). */
    IntFunction<String> vin() {
        return i -> String.format(vinPattern, i + 1);
    }

    /** {@code count} identities from vehicle number {@code first} (1-based). */
    List<VehicleIdentity> identities(int first, int count) {
        return VehicleIdentities.pattern(vinPattern, first, count);
    }

    /** A simulation of the whole fleet, until stopped, directly at {@code host:port}. */
    SimulationConfig.Builder simulation(String host, int port) {
        return SimulationConfig.builder().host(host).port(port).vehicles(identities(1, vehicles))
                .interval(interval()).heartbeat(heartbeat()).rampUp(rampUp()).threads(simThreads)
                .duration(Duration.ZERO);
    }

    /** Registers the fleet's VINs in Redis (enabled, any ICCID); they stay registered for later runs. */
    void register(LoadBenchmark.Common o, String label) throws IOException {
        register(o, label, vehicles);
    }

    /** Registers the first {@code count} VINs of the pattern (the fleet and vehicles numbered after it). */
    void register(LoadBenchmark.Common o, String label, int count) throws IOException {
        long t0 = System.nanoTime();
        try (RedisPipe redis = new RedisPipe(o.redisHost(), o.redisPort())) {
            redis.registerVehicles(vin(), count);
        }
        LoadBenchmark.log("%s: %d vehicles registered (%s) in %d ms", label, count, vinPattern,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** For the settings of the result. */
    Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vehicles", vehicles);
        m.put("vinPattern", vinPattern);
        m.put("interval", interval().toString());
        m.put("heartbeat", heartbeat().toString());
        m.put("rampUp", rampUp().toString());
        m.put("simulator", "in-process io.gb32960.simulator.sim.Simulation, edition 2016, " + simThreads
                + " event loop(s)");
        return m;
    }
}
