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
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gray rollouts end to end: 300 simulated terminals logged in at a real access node, the upgrade
 * pushed through the command gateway (0x82/0x01), downloaded from this service over HTTP (a fifth
 * of the downloads broken off halfway and resumed with Range/If-Range), installed by the
 * simulator, and confirmed by a 0x80 query of parameter 0x08.
 */
@OtaTest
class RolloutEndToEndTest extends OtaTestBase {

    private Simulation simulation;

    @AfterEach
    void stop() {
        if (simulation != null) {
            simulation.stop();
        }
    }

    private JsonNode view(long id) throws Exception {
        return body(mvc.perform(get("/api/campaigns/" + id).with(VIEWER)).andExpect(status().isOk()));
    }

    private String campaignStatus(long id) throws Exception {
        return view(id).get("campaign").get("status").asString();
    }

    private int total(JsonNode view, String state) {
        JsonNode n = view.get("totals").get(state);
        return n == null ? 0 : n.asInt();
    }

    @Test
    void threeGroupsPauseAtTheErrorThresholdResumeAndCompleteThenAFaultlessRolloutReachesEveryVehicle()
            throws Exception {
        List<String> vins = data.vehicles("E", 300, TestData.ACME_MODEL, "FW1.2");
        simulation = new Simulation(SimulationConfig.builder().host("127.0.0.1").port(OtaInfra.nodePort())
                .vehicles(vins.stream().map(VehicleIdentity::of).toList()).interval(Duration.ofSeconds(30))
                .heartbeat(Duration.ofSeconds(30)).rampUp(Duration.ofSeconds(2)).alarmProbability(0)
                .upgrade(new SimulationConfig.Upgrade("FW1.2", "HW1.0", 0.10, 0.2, Duration.ofMillis(100), null, null))
                .build());
        simulation.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> simulation.progress().loggedIn() == 300);

        long fw2 = approvedFirmware(TestData.ACME_MODEL, "FW2.0", TestData.firmware(64 * 1024 + 17));
        // group 1 = 10% (30 vehicles): all must succeed; more than 5% failed of at least 10 finished pauses
        long id = campaign(fw2, vins, new int[]{10, 50, 100}, 100, 5, 10, 0);
        mvc.perform(post("/api/campaigns/" + id + "/start").with(ADMIN).with(csrf())).andExpect(status().isOk());

        await().atMost(Duration.ofSeconds(60)).until(() -> campaignStatus(id).equals("PAUSED"));
        JsonNode paused = view(id);
        assertThat(paused.get("campaign").get("pauseReason").asString())
                .startsWith("group 1: ").contains("> error threshold 5%");
        assertThat(paused.get("groups").get(1).get("group").get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(paused.get("groups").get(2).get("group").get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(paused.get("groups").get(0).get("group").get("size").asInt()).isEqualTo(30);
        int pendingOfGroup3 = paused.get("groups").get(2).get("counts").get("PENDING").asInt();
        assertThat(pendingOfGroup3).isEqualTo(150);

        // paused: nothing new goes out (what was under way settles)
        simulation.setUpgradeFailureRate(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode v = view(id);
            return total(v, "NOTIFIED") + total(v, "DOWNLOADING") + total(v, "DOWNLOADED") == 0;
        });
        long startedWhilePaused = simulation.upgrades().started();
        JsonNode settled = view(id);
        assertThat(total(settled, "PENDING")).isEqualTo(270);
        assertThat(total(settled, "FAILED")).as("every 10th of the 30 installs").isEqualTo(3);

        mvc.perform(post("/api/campaigns/" + id + "/resume").with(ADMIN).with(csrf())).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(180)).until(() -> campaignStatus(id).equals("FINISHED"));
        JsonNode done = view(id);
        int failed = total(done, "FAILED");
        assertThat(failed).as("the failures of group 1 only").isEqualTo(3);
        assertThat(total(done, "SUCCEEDED")).isEqualTo(300 - failed);
        assertThat(done.get("failureReasons").propertyNames()).allMatch(r -> r.startsWith("version unchanged"));
        assertThat(simulation.upgrades().started()).isGreaterThan(startedWhilePaused);
        assertThat(simulation.upgrades().resumed()).as("downloads resumed after a break").isPositive();
        assertThat(simulation.upgrades().downloadErrors()).isZero();
        List<String> events = done.get("timeline").valueStream().map(e -> e.get("event").asString()).toList();
        assertThat(events).containsSubsequence("CREATED", "STARTED", "GROUP_STARTED", "PAUSED", "RESUMED",
                "GROUP_STARTED", "FINISHED");
        Map<String, String> versions = simulation.firmwareVersions();
        assertThat(versions.values().stream().filter("FW2.0"::equals).count()).isEqualTo(300 - failed);

        // a second campaign without failures: every vehicle ends on the new version
        long fw3 = approvedFirmware(TestData.ACME_MODEL, "FW3.0", TestData.firmware(64 * 1024 + 33));
        long second = campaign(fw3, vins, new int[]{10, 50, 100}, 100, 5, 10, 1);
        mvc.perform(post("/api/campaigns/" + second + "/start").with(ADMIN).with(csrf())).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(180)).until(() -> campaignStatus(second).equals("FINISHED"));
        assertThat(total(view(second), "SUCCEEDED")).isEqualTo(300);
        assertThat(simulation.firmwareVersions().values()).hasSize(300).allMatch("FW3.0"::equals);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vehicle WHERE vin LIKE 'OTAE%' AND firmware_version = 'FW3.0'",
                Integer.class)).isEqualTo(300);
    }
}
