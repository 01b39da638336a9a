package io.gb32960.simulator.sim;

import io.gb32960.platform.common.cluster.Assignment;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.VehicleLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Dispatch login: platform login at the dispatcher, assignment 0xC0, token login at the node. */
class DispatchTest {

    private FakePlatform node;
    private FakePlatform other;
    private FakeDispatcher dispatcher;
    private Simulation sim;

    @BeforeEach
    void start() throws InterruptedException {
        node = new FakePlatform();
        dispatcher = new FakeDispatcher(node);
        node.tokens = dispatcher;
    }

    @AfterEach
    void stopAll() {
        if (sim != null) {
            sim.stop();
        }
        dispatcher.close();
        node.close();
        if (other != null) {
            other.close();
        }
    }

    private List<String> simulate(int vehicles, Duration reconnectDelay) {
        return simulate(vehicles, reconnectDelay, Duration.ofMillis(300));
    }

    private List<String> simulate(int vehicles, Duration reconnectDelay, Duration loginRetry) {
        sim = new Simulation(SimulationConfig.builder().vehicles(vehicles).dispatch(dispatcher.config())
                .port(1) // unused in dispatch mode
                .interval(Duration.ofMillis(100)).rampUp(Duration.ofMillis(300)).reconnectDelay(reconnectDelay)
                .loginRetry(loginRetry).loginBackoff(Duration.ofMillis(300)).threads(2).build());
        sim.start();
        return VehicleIdentities.pattern(VehicleIdentities.DEFAULT_PATTERN, 1, vehicles).stream()
                .map(VehicleIdentity::vin).toList();
    }

    private static String label(FakePlatform p) {
        return "127.0.0.1:" + p.port();
    }

    @Test
    void everyVehicleGoesThroughTheDispatcherToItsNodeAndReports() {
        // a retry of a slow (not lost) answer on a loaded machine would add a dispatcher login: no retry here
        List<String> vins = simulate(30, Duration.ofMillis(200), Duration.ofSeconds(20));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> vins.stream().allMatch(v -> node.messages(v, TelemetryReport.class).size() >= 2));
        sim.stop();
        SimulationSummary summary = sim.summary();

        for (String vin : vins) {
            assertThat(dispatcher.logins(vin)).isEqualTo(1);
            List<VehicleLogin> logins = node.messages(vin, VehicleLogin.class);
            assertThat(logins).hasSize(1);
            assertThat(Assignment.tokenOf(logins.get(0).extension())).as("token of %s", vin).hasSize(32);
        }
        assertThat(node.tokenRefusals()).isZero();
        assertThat(node.failureReasons()).isEmpty();
        assertThat(dispatcher.failures()).isEmpty();
        SimulationSummary.Dispatch d = summary.dispatch();
        assertThat(d.attempts()).isEqualTo(30);
        assertThat(d.successes()).isEqualTo(30);
        assertThat(d.refusals()).isZero();
        assertThat(d.nodes()).isEqualTo(Map.of(label(node), 30));
        assertThat(summary.responses(CommandId.PLATFORM_LOGIN, "success")).isEqualTo(30);
        assertThat(summary.framesSent(CommandId.VEHICLE_LOGIN)).isEqualTo(30);
        assertThat(summary.responses(CommandId.VEHICLE_LOGIN, "success")).isEqualTo(30);
        assertThat(summary.errors()).as(summary.toJson()).isZero();
        assertThat(summary.toJson()).contains("\"dispatch\":{\"attempts\":30,\"successes\":30,\"refusals\":0,"
                + "\"nodes\":{\"" + label(node) + "\":30}}");
    }

    @Test
    void afterThreeFailedReconnectsToAStoppedNodeAVehicleAsksTheDispatcherAgain() throws InterruptedException {
        other = new FakePlatform();
        other.tokens = dispatcher;
        List<String> vins = simulate(5, Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> vins.stream().allMatch(v -> node.messages(v, TelemetryReport.class).size() >= 2));

        dispatcher.target = other;
        node.stopNode();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> vins.stream().allMatch(v -> other.messages(v, TelemetryReport.class).size() >= 2));
        sim.stop();
        SimulationSummary summary = sim.summary();

        for (String vin : vins) {
            assertThat(dispatcher.logins(vin)).isEqualTo(2);
            assertThat(other.messages(vin, VehicleLogin.class)).hasSize(1)
                    .allSatisfy(l -> assertThat(Assignment.tokenOf(l.extension())).isNotNull());
            // what was generated while no node took the vehicle arrives as reissue at the new node
            assertThat(other.messages(vin, TelemetryReport.class)).anyMatch(TelemetryReport::reissue);
        }
        assertThat(other.tokenRefusals()).isZero();
        assertThat(summary.connectFailures()).as("3 failed reconnects per vehicle").isEqualTo(5 * 3);
        assertThat(summary.disconnects()).isEqualTo(5);
        SimulationSummary.Dispatch d = summary.dispatch();
        assertThat(d.attempts()).isEqualTo(10);
        assertThat(d.successes()).isEqualTo(10);
        assertThat(d.nodes()).isEqualTo(Map.of(label(node), 0, label(other), 5));
    }

    @Test
    void dispatchRefusalsAreCountedAsLoginFailures() {
        dispatcher.refuseFirst = 2;
        List<String> vins = simulate(4, Duration.ofMillis(200));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> vins.stream().allMatch(v -> node.messages(v, TelemetryReport.class).size() >= 1));
        sim.stop();
        SimulationSummary summary = sim.summary();

        assertThat(dispatcher.refusals()).isEqualTo(8);
        SimulationSummary.Dispatch d = summary.dispatch();
        assertThat(d.attempts()).isEqualTo(12);
        assertThat(d.refusals()).isEqualTo(8);
        assertThat(d.successes()).isEqualTo(4);
        assertThat(summary.loginRejected()).isEqualTo(8);
        assertThat(summary.responses(CommandId.PLATFORM_LOGIN, "error")).isEqualTo(8);
        assertThat(summary.lastError()).contains("dispatch login");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheVehicleBacksOff() {
        sim = new Simulation(SimulationConfig.builder().vehicles(1)
                .dispatch(new SimulationConfig.Dispatch("127.0.0.1", dispatcher.port(), FakeDispatcher.ACCOUNT, "wrong"))
                .interval(Duration.ofMillis(100)).loginRetry(Duration.ofMillis(300))
                .loginBackoff(Duration.ofSeconds(30)).build());
        sim.start();
        String vin = VehicleIdentities.pattern(VehicleIdentities.DEFAULT_PATTERN, 1, 1).get(0).vin();

        await().atMost(Duration.ofSeconds(10)).until(() -> sim.summary().dispatch().refusals() >= 3);
        assertThat(sim.summary().loginFailures()).isEqualTo(3);
        sim.stop();

        assertThat(dispatcher.logins(vin)).as("backoff after 3 refusals").isEqualTo(3);
        assertThat(node.all()).isEmpty();
        assertThat(sim.summary().dispatch().successes()).isZero();
    }
}
