package io.gb32960.simulator.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of the simulated upgrade that need no server (downloads are tested against the OTA service). */
class UpgraderTest {

    @Test
    void aFailureRateFailsExactlyThatShareOfInstalls() {
        Upgrader u = new Upgrader(new SimulationConfig.Upgrade("FW1.2", "HW1.0", 0.1, 0, Duration.ZERO, null, null), 1);
        try {
            long failed = IntStream.range(0, 30).filter(i -> u.nextInstallFails()).count();
            assertThat(failed).isEqualTo(3);
            u.setFailureRate(0);
            assertThat(IntStream.range(0, 30).noneMatch(i -> u.nextInstallFails())).isTrue();
        } finally {
            u.shutdown();
        }
    }

    @Test
    void theCheckAnswerIsReadWithoutAJsonLibrary() {
        String json = "{\"vin\":\"LGB32960SIM000001\",\"url\":\"http://h:8090/ota/download/1/V?c=2&exp=3&sig=a_b-c\","
                + "\"version\":\"FW2.0\",\"hardwareVersion\":\"HW1.0\",\"size\":12,\"md5\":\"ab\",\"sha256\":null}";
        assertThat(Upgrader.text(json, "url")).isEqualTo("http://h:8090/ota/download/1/V?c=2&exp=3&sig=a_b-c");
        assertThat(Upgrader.text(json, "version")).isEqualTo("FW2.0");
        assertThat(Upgrader.text(json, "sha256")).isEmpty();
        assertThat(Upgrader.text("{\"url\":\"\"}", "url")).isEmpty();
    }

    @Test
    void anUpgradeNeedsASecretForTheCheck() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SimulationConfig.Upgrade("FW1.2", "HW1.0", 0, 0,
                Duration.ZERO, "http://h/ota/check", null)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SimulationConfig.Upgrade("FW1.2", "HW1.0", 1.5, 0,
                Duration.ZERO, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
