package io.gb32960.standalone;

import io.gb32960.simulator.sim.Simulation;
import io.gb32960.simulator.sim.SimulationConfig;
import io.gb32960.simulator.sim.VehicleIdentity;

import java.time.Duration;
import java.util.List;

/** The demo vehicles driven by the simulator through the whole dispatch flow, with occasional alarms. */
final class DemoFleet implements AutoCloseable {

    private final Simulation simulation;

    private DemoFleet(Simulation simulation) {
        this.simulation = simulation;
    }

    static DemoFleet start(List<VehicleIdentity> fleet, String account, String password, Duration interval,
                           String dispatchHost, int dispatchPort) {
        Simulation sim = new Simulation(SimulationConfig.builder().vehicles(fleet).port(1)
                .dispatch(new SimulationConfig.Dispatch(dispatchHost, dispatchPort, account, password))
                .interval(interval).rampUp(Duration.ofSeconds(Math.min(10, Math.max(1, fleet.size() / 100))))
                .reconnectDelay(Duration.ofSeconds(2)).loginRetry(Duration.ofSeconds(10))
                .loginBackoff(Duration.ofSeconds(30)).alarmProbability(0.02).threads(1)
                // the versions registered for the demo vehicles; a remote upgrade installs in a few seconds
                .upgrade(new SimulationConfig.Upgrade(DemoData.FIRMWARE, DemoData.HARDWARE, 0, 0, Duration.ofSeconds(3),
                        null, null))
                .build());
        sim.start();
        return new DemoFleet(sim);
    }

    @Override
    public void close() {
        simulation.stop();
    }
}
