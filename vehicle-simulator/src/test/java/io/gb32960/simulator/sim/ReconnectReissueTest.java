package io.gb32960.simulator.sim;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.VehicleLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The platform drops each vehicle's first connection: the vehicle reconnects and reissues what it missed. */
class ReconnectReissueTest {

    private FakePlatform platform;
    private Simulation sim;

    @BeforeEach
    void startPlatform() throws InterruptedException {
        platform = new FakePlatform();
        platform.closeFirstConnectionAfter = 3;
    }

    @AfterEach
    void stopAll() {
        if (sim != null) {
            sim.stop();
        }
        platform.close();
    }

    @Test
    void framesGeneratedWhileDisconnectedArriveAsReissueAfterTheNextLogin() {
        int vehicles = 10;
        sim = new Simulation(SimulationConfig.builder().port(platform.port()).vehicles(vehicles)
                .interval(Duration.ofMillis(100)).reconnectDelay(Duration.ofMillis(600))
                .loginRetry(Duration.ofSeconds(2)).build());
        sim.start();
        List<String> vins = VehicleIdentities.pattern(VehicleIdentities.DEFAULT_PATTERN, 1, vehicles).stream()
                .map(VehicleIdentity::vin).toList();

        await().atMost(Duration.ofSeconds(20)).until(() -> vins.stream().allMatch(v -> afterReissue(v) >= 3));
        sim.stop();
        SimulationSummary summary = sim.summary();

        for (String vin : vins) {
            List<FakePlatform.Received> frames = platform.of(vin);
            List<VehicleLogin> logins = platform.messages(vin, VehicleLogin.class);
            assertThat(logins).extracting(VehicleLogin::serial).containsExactly(1, 2);
            int secondConnection = frames.stream().filter(r -> r.message() instanceof VehicleLogin)
                    .mapToInt(FakePlatform.Received::connection).max().orElseThrow();
            List<TelemetryReport> first = reports(frames, false, r -> r.connection() != secondConnection);
            List<TelemetryReport> reissued = reports(frames, true, r -> true);
            List<TelemetryReport> later = reports(frames, false, r -> r.connection() == secondConnection);
            assertThat(first).hasSize(3);
            assertThat(reissued).as("reissued frames of %s", vin).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.header().command()).isEqualTo(CommandId.REISSUE_REPORT.id()));
            // collected between the last frame before the drop and the first one after the login
            assertThat(reissued.get(0).time().toLocalDateTime())
                    .isAfterOrEqualTo(first.get(first.size() - 1).time().toLocalDateTime());
            assertThat(reissued.get(reissued.size() - 1).time().toLocalDateTime())
                    .isBeforeOrEqualTo(later.get(0).time().toLocalDateTime());
            int reissueIndex = indexOf(frames, reissued.get(0));
            int loginIndex = indexOf(frames, logins.get(1));
            assertThat(reissueIndex).isGreaterThan(loginIndex);
            assertThat(frames.get(reissueIndex).connection()).isEqualTo(secondConnection);
        }
        assertThat(summary.disconnects()).isGreaterThanOrEqualTo(vehicles);
        assertThat(summary.reconnects()).isGreaterThanOrEqualTo(vehicles);
        assertThat(summary.framesSent(CommandId.VEHICLE_LOGIN)).isEqualTo(2L * vehicles);
        SimulationSummary.Reissue reissue = summary.reissue();
        assertThat(reissue.sent()).isGreaterThanOrEqualTo(vehicles);
        assertThat(reissue.buffered()).isEqualTo(reissue.sent() + reissue.dropped() + reissue.pending());
        assertThat(platform.count(TelemetryReport.class) - platform.realtimeCount()).isEqualTo(reissue.sent());
    }

    @Test
    void theReissueBufferIsBounded() {
        sim = new Simulation(SimulationConfig.builder().port(platform.port()).vehicles(3)
                .interval(Duration.ofMillis(50)).reconnectDelay(Duration.ofMillis(1200)).reissueBuffer(2).build());
        sim.start();
        List<String> vins = VehicleIdentities.pattern(VehicleIdentities.DEFAULT_PATTERN, 1, 3).stream()
                .map(VehicleIdentity::vin).toList();

        await().atMost(Duration.ofSeconds(20)).until(() -> vins.stream().allMatch(v -> afterReissue(v) >= 1));
        sim.stop();
        SimulationSummary summary = sim.summary();

        for (String vin : vins) {
            assertThat(platform.messages(vin, TelemetryReport.class).stream().filter(TelemetryReport::reissue))
                    .as("%s", platform.of(vin).stream().map(r -> r.message().header().command() + "@" + r.connection()
                            + "@" + r.atNanos() / 1_000_000).toList() + " " + sim.summary().toJson())
                    .hasSize(2);
        }
        assertThat(summary.reissue().sent()).isEqualTo(6);
        assertThat(summary.reissue().dropped()).isGreaterThanOrEqualTo(3 * 5);
    }

    /** Realtime frames that arrived after the first reissue frame of {@code vin}. */
    private int afterReissue(String vin) {
        List<FakePlatform.Received> frames = platform.of(vin);
        int count = 0;
        boolean seen = false;
        for (FakePlatform.Received r : frames) {
            if (r.message() instanceof TelemetryReport t) {
                if (t.reissue()) {
                    seen = true;
                } else if (seen) {
                    count++;
                }
            }
        }
        return count;
    }

    private static List<TelemetryReport> reports(List<FakePlatform.Received> frames, boolean reissue,
                                                 java.util.function.Predicate<FakePlatform.Received> where) {
        return frames.stream().filter(where).map(FakePlatform.Received::message)
                .filter(m -> m instanceof TelemetryReport t && t.reissue() == reissue)
                .map(TelemetryReport.class::cast).toList();
    }

    private static int indexOf(List<FakePlatform.Received> frames, Object message) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).message() == message) {
                return i;
            }
        }
        return -1;
    }
}
