package io.gb32960.simulator.sim;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.VehicleLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Annex B.2.2 login rules with short periods: resend after the retry period, back off after 3 failures. */
class LoginRetryTest {

    private static final String VIN = "LGB32960SIM000001";
    private static final long RETRY_MS = 200;
    private static final long BACKOFF_MS = 1500;

    private FakePlatform platform;
    private Simulation sim;

    @BeforeEach
    void startPlatform() throws InterruptedException {
        platform = new FakePlatform();
    }

    @AfterEach
    void stopAll() {
        if (sim != null) {
            sim.stop();
        }
        platform.close();
    }

    private void simulate(int vehicles) {
        sim = new Simulation(SimulationConfig.builder().port(platform.port()).vehicles(vehicles)
                .interval(Duration.ofMillis(100)).loginRetry(Duration.ofMillis(RETRY_MS))
                .loginBackoff(Duration.ofMillis(BACKOFF_MS)).build());
        sim.start();
    }

    @Test
    void anUnansweredLoginIsResentEveryRetryPeriodThenBacksOff() {
        platform.answerLogins = false;
        simulate(2);

        await().atMost(Duration.ofSeconds(15)).until(() -> platform.messages(VIN, VehicleLogin.class).size() >= 5);
        sim.stop();
        SimulationSummary summary = sim.summary();

        List<FakePlatform.Received> logins = platform.of(VIN).stream()
                .filter(r -> r.message() instanceof VehicleLogin).toList();
        assertThat(logins).extracting(r -> ((VehicleLogin) r.message()).serial()).startsWith(1, 2, 3, 4, 5);
        assertThat(gapMillis(logins, 0)).isBetween(RETRY_MS - 20, BACKOFF_MS - 100);
        assertThat(gapMillis(logins, 1)).isBetween(RETRY_MS - 20, BACKOFF_MS - 100);
        assertThat(gapMillis(logins, 2)).as("backoff after 3 failures").isGreaterThanOrEqualTo(BACKOFF_MS - 20);
        assertThat(gapMillis(logins, 3)).isBetween(RETRY_MS - 20, BACKOFF_MS - 100);
        // the same connection carries the resent logins
        assertThat(logins).extracting(FakePlatform.Received::connection).containsOnly(logins.get(0).connection());
        assertThat(platform.count(TelemetryReport.class)).as("nothing is reported before a login").isZero();

        assertThat(summary.loginTimeouts()).isGreaterThanOrEqualTo(2 * 3);
        assertThat(summary.loginFailures()).isEqualTo(summary.loginTimeouts());
        assertThat(summary.errors()).isGreaterThanOrEqualTo(summary.loginFailures());
        assertThat(summary.framesSent(CommandId.REALTIME_REPORT)).isZero();
        assertThat(summary.reissue().buffered()).as("reports start with the first login").isZero();
        assertThat(summary.latency().get("vehicleLogin").count()).isZero();
    }

    @Test
    void aRejectedLoginIsCountedAndRetried() {
        platform.loginFlag = ResponseFlag.VIN_NOT_FOUND;
        simulate(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> platform.messages(VIN, VehicleLogin.class).size() >= 2);
        platform.loginFlag = ResponseFlag.SUCCESS;
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.messages(VIN, TelemetryReport.class).size() >= 2);
        sim.stop();
        SimulationSummary summary = sim.summary();

        List<FakePlatform.Received> logins = platform.of(VIN).stream()
                .filter(r -> r.message() instanceof VehicleLogin).toList();
        assertThat(gapMillis(logins, 0)).isGreaterThanOrEqualTo(RETRY_MS - 20);
        assertThat(summary.loginRejected()).isGreaterThanOrEqualTo(2);
        assertThat(summary.responses(CommandId.VEHICLE_LOGIN, "vinNotFound")).isEqualTo(summary.loginRejected());
        assertThat(summary.responses(CommandId.VEHICLE_LOGIN, "success")).isEqualTo(1);
        assertThat(summary.lastError()).contains("vinNotFound");
    }

    private static long gapMillis(List<FakePlatform.Received> frames, int i) {
        return (frames.get(i + 1).atNanos() - frames.get(i).atNanos()) / 1_000_000;
    }
}
