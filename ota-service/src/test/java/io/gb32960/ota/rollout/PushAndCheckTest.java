package io.gb32960.ota.rollout;

import io.gb32960.ota.support.OtaInfra;
import io.gb32960.ota.support.OtaTest;
import io.gb32960.ota.support.OtaTestBase;
import io.gb32960.ota.support.TestData;
import io.gb32960.simulator.sim.Simulation;
import io.gb32960.simulator.sim.SimulationConfig;
import io.gb32960.simulator.sim.VehicleIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Both delivery paths with simulated terminals: the push (0x82/0x01 through the access node, in the
 * Table B.15 text layout of the TBOX-T profile and the Table B.16 binary layout of TBOX-A), and the
 * pull (terminals powered up while the campaign runs check before their login).
 */
@OtaTest
class PushAndCheckTest extends OtaTestBase {

    private Simulation simulation;

    @AfterEach
    void stop() {
        if (simulation != null) {
            simulation.stop();
        }
    }

    private int succeeded(long campaign) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ota_rollout WHERE campaign_id = ? AND state = 'SUCCEEDED'",
                Integer.class, campaign);
    }

    @Test
    void pushedInTheBinaryLayout() throws Exception {
        List<String> vins = data.vehicles("PB", 3, TestData.ACME_MODEL, "FW1.2");
        long fw = approvedFirmware(TestData.ACME_MODEL, "FWPB2", TestData.firmware(40_000));
        long campaign = campaign(fw, vins, new int[]{100}, 100, 50, 1, 0);
        simulation = new Simulation(SimulationConfig.builder().host("127.0.0.1").port(OtaInfra.nodePort())
                .vehicles(vins.stream().map(VehicleIdentity::of).toList()).interval(Duration.ofSeconds(30))
                .rampUp(Duration.ZERO).alarmProbability(0).build());
        simulation.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> simulation.progress().loggedIn() == 3);
        mvc.perform(post("/api/campaigns/" + campaign + "/start").with(ADMIN).with(csrf())).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(succeeded(campaign))
                .as(() -> simulation.upgrades() + " " + simulation.summary().commands() + " " + simulation.firmwareVersions()
                        + jdbc.queryForList("SELECT * FROM ota_rollout WHERE campaign_id = ?", campaign)).isEqualTo(3));
    }

    @Test
    void pushedToOnlineTerminalsOfBothLayoutsAndPulledAtPowerUp() throws Exception {
        List<String> text = data.vehicles("PT", 3, TestData.ACME_TEXT_MODEL, "FW1.2");
        List<String> offline = data.vehicles("PO", 3, TestData.ACME_TEXT_MODEL, "FW1.2");
        long fw = approvedFirmware(TestData.ACME_TEXT_MODEL, "FW-P2", TestData.firmware(40_000));
        List<String> all = new ArrayList<>(text);
        all.addAll(offline);
        long campaign = campaign(fw, all, new int[]{100}, 100, 50, 1, 0);

        simulation = new Simulation(SimulationConfig.builder().host("127.0.0.1").port(OtaInfra.nodePort())
                .vehicles(text.stream().map(VehicleIdentity::of).toList()).interval(Duration.ofSeconds(30))
                .rampUp(Duration.ZERO).alarmProbability(0).build());
        simulation.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> simulation.progress().loggedIn() == 3);
        mvc.perform(post("/api/campaigns/" + campaign + "/start").with(ADMIN).with(csrf())).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(succeeded(campaign))
                .as(() -> simulation.upgrades().toString()).isEqualTo(3));
        assertThat(simulation.firmwareVersions().values()).allMatch("FW-P2"::equals);

        // the other three power up now: they check first, download, install and check again
        Simulation late = new Simulation(SimulationConfig.builder().host("127.0.0.1").port(OtaInfra.nodePort())
                .vehicles(offline.stream().map(VehicleIdentity::of).toList()).interval(Duration.ofSeconds(30))
                .rampUp(Duration.ZERO).alarmProbability(0)
                .upgrade(new SimulationConfig.Upgrade("FW1.2", "HW1.0", 0, 1, Duration.ofMillis(50),
                        "http://127.0.0.1:" + OtaInfra.httpPort() + "/ota/check",
                        HexFormat.of().formatHex(TestData.TERMINAL_SECRET)))
                .build());
        try {
            late.start();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(succeeded(campaign))
                    .as(() -> late.upgrades().toString()).isEqualTo(6));
            assertThat(late.upgrades().checkUpgrades()).isEqualTo(3);
            assertThat(late.upgrades().resumed()).isEqualTo(3);
            assertThat(late.firmwareVersions().values()).allMatch("FW-P2"::equals);
        } finally {
            late.stop();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> "FINISHED".equals(jdbc.queryForObject(
                "SELECT status FROM ota_campaign WHERE id = ?", String.class, campaign)));
    }
}
