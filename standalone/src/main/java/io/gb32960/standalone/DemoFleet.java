package io.gb32960.standalone;

import io.gb32960.platform.common.registry.PlatformAccount;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.platform.common.security.HashedSecret;
import io.gb32960.simulator.sim.Simulation;
import io.gb32960.simulator.sim.SimulationConfig;
import io.gb32960.simulator.sim.VehicleIdentities;
import io.gb32960.simulator.sim.VehicleIdentity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Demo vehicles: registered in the registry with a demo platform account (its password kept in
 * the data directory), and driven by the simulator through the whole dispatch flow.
 */
final class DemoFleet implements AutoCloseable {

    static final String ACCOUNT = "demo";
    static final String VIN_PATTERN = "LDEMO%012d";

    private final Simulation simulation;

    private DemoFleet(Simulation simulation) {
        this.simulation = simulation;
    }

    static DemoFleet start(VehicleRegistry registry, Path dataDir, int vehicles, Duration interval, String dispatchHost,
                           int dispatchPort) throws IOException {
        String password = password(dataDir.resolve("demo-account.txt"));
        registry.saveAccount(new PlatformAccount(ACCOUNT, HashedSecret.of(password), true)).toCompletableFuture().join();
        List<VehicleIdentity> fleet = VehicleIdentities.pattern(VIN_PATTERN, 1, vehicles);
        CompletableFuture.allOf(fleet.stream()
                .map(v -> registry.register(new RegisteredVehicle(v.vin(), v.iccid(), "demo-tbox", null, null, true))
                        .toCompletableFuture())
                .toArray(CompletableFuture[]::new)).join();
        Simulation sim = new Simulation(SimulationConfig.builder().vehicles(fleet).port(1)
                .dispatch(new SimulationConfig.Dispatch(dispatchHost, dispatchPort, ACCOUNT, password))
                .interval(interval).rampUp(Duration.ofSeconds(Math.min(10, Math.max(1, vehicles / 100))))
                .reconnectDelay(Duration.ofSeconds(2)).loginRetry(Duration.ofSeconds(10))
                .loginBackoff(Duration.ofSeconds(30)).alarmProbability(0.02).threads(1).build());
        sim.start();
        return new DemoFleet(sim);
    }

    /** The demo account's password: made once, then read from the data directory. */
    private static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String password = "demo-" + HexFormat.of().formatHex(random);
        Files.createDirectories(file.getParent());
        Files.writeString(file, password + "\n");
        return password;
    }

    int loggedIn() {
        return simulation.progress().loggedIn();
    }

    @Override
    public void close() {
        simulation.stop();
    }
}
