package io.gb32960.admin.live;

import io.gb32960.admin.support.AdminTest;
import io.gb32960.admin.support.TestFrames;
import io.gb32960.admin.support.TestVins;
import io.gb32960.platform.common.cluster.NodeRegistry;
import io.gb32960.platform.common.cluster.NodeStats;
import io.gb32960.platform.common.redis.SessionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The live view on what the consumers store: latest state, decoded newest frame, track, history, nodes. */
@AdminTest
class LiveViewTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NodeRegistry nodes;
    @Autowired
    SessionStore sessions;

    private String vin;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    @BeforeEach
    void storedTelemetry() throws Exception {
        vin = TestVins.vin();
        mvc.perform(post("/api/vehicles").with(user("op").roles("OPERATOR")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"vin\":\"" + vin + "\",\"enabled\":true}"))
                .andExpect(status().isCreated());
        for (int i = 0; i < 3; i++) {
            jdbc.update("INSERT INTO telemetry (vin, collected_at, command, received_at, node, edition, encryption,"
                    + " signature, speed_kmh, soc, voltage_v, current_a, longitude, latitude, frame)"
                    + " VALUES (?, ?, 2, ?, 'node-x', 2016, 1, 0, ?, ?, 370.0, 12.5, ?, ?, ?)",
                    vin, utc(t0.plusSeconds(10L * i)), utc(Instant.now()), 40 + i, 80 - i, 121.47 + i * 0.001,
                    31.23 + i * 0.001, TestFrames.realtime2016(vin));
        }
        jdbc.update("INSERT INTO vehicle_latest_state (vin, collected_at, command, received_at, node, edition,"
                + " speed_kmh, soc, voltage_v, current_a, longitude, latitude, alarm_level)"
                + " VALUES (?, ?, 2, ?, 'node-x', 2016, 42.0, 78, 370.0, 12.5, 121.472, 31.232, 0)",
                vin, utc(t0.plusSeconds(20)), utc(Instant.now()));
        jdbc.update("INSERT INTO vehicle_online_log (vin, event_at, event, reason, node, remote)"
                + " VALUES (?, ?, 'LOGIN', NULL, 'node-x', '10.0.0.7:50000'), (?, ?, 'OFFLINE', 'IDLE_TIMEOUT', 'node-x', NULL)",
                vin, utc(t0), vin, utc(t0.plusSeconds(100)));
    }

    @Test
    void theStateApiHasTheLatestValuesAndTheNewestFrameDecoded() throws Exception {
        mvc.perform(get("/api/vehicles/" + vin + "/state").with(user("v").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vehicle.vin").value(vin))
                .andExpect(jsonPath("$.latest.soc").value(78))
                .andExpect(jsonPath("$.latest.speedKmh").value(42.0))
                .andExpect(jsonPath("$.frame.collectedAt").value(t0.plusSeconds(20).toString()))
                .andExpect(jsonPath("$.frame.json").value(containsString("\"speedKmh\" : 60.0")))
                .andExpect(jsonPath("$.frame.error").doesNotExist())
                .andExpect(jsonPath("$.session").doesNotExist());
    }

    @Test
    void theTrackIsThinnedOutToTheAskedNumberOfPoints() throws Exception {
        mvc.perform(get("/api/vehicles/" + vin + "/track").param("from", t0.minusSeconds(1).toString())
                        .param("to", t0.plusSeconds(60).toString()).param("maxPoints", "2")
                        .with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.frames").value(3)).andExpect(jsonPath("$.stride").value(2))
                .andExpect(jsonPath("$.points.length()").value(2))
                .andExpect(jsonPath("$.points[0].speedKmh").value(40.0))
                .andExpect(jsonPath("$.points[1].soc").value(78));
        mvc.perform(get("/api/vehicles/" + vin + "/track").param("from", t0.toString()).param("to", t0.toString())
                        .with(user("v").roles("VIEWER")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/vehicles/" + vin + "/track").param("from", t0.minus(40, ChronoUnit.DAYS).toString())
                        .param("to", t0.toString()).with(user("v").roles("VIEWER")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/vehicles/" + TestVins.vin() + "/track").with(user("v").roles("VIEWER")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theVehiclePageAndItsLoginHistory() throws Exception {
        mvc.perform(get("/vehicles/" + vin).with(user("v").roles("VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("IDLE_TIMEOUT")))
                .andExpect(content().string(containsString("&quot;speedKmh&quot; : 60.0")))
                .andExpect(content().string(containsString("/dist/leaflet.js")))
                .andExpect(content().string(containsString("chart.umd.min.js")));
        mvc.perform(get("/api/vehicles/" + vin + "/online-log").with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items[0].event").value("OFFLINE"));
        mvc.perform(get("/vehicles/" + vin + "/online-log").with(user("v").roles("VIEWER")))
                .andExpect(content().string(containsString("10.0.0.7:50000")));
        // the WebJars are served (versionless paths through webjars-locator-lite)
        mvc.perform(get("/webjars/leaflet/dist/leaflet.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/chart.js/dist/chart.umd.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
    }

    @Test
    void theFleetMapHasTheNewestPositionsOfTheOnlineVehicles() throws Exception {
        mvc.perform(get("/api/live/positions").with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.positions[?(@.vin == '" + vin + "')]").isEmpty());
        jdbc.update("INSERT INTO vehicle_online_state (vin, online, node, since, last_event, last_event_at, last_seen)"
                + " VALUES (?, 1, 'node-x', UTC_TIMESTAMP(), 'ONLINE', UTC_TIMESTAMP(), UTC_TIMESTAMP())", vin);
        mvc.perform(get("/api/live/positions").param("max", "5000").with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.positions[?(@.vin == '" + vin + "')].lat").value(hasItem(31.232)))
                .andExpect(jsonPath("$.positions[?(@.vin == '" + vin + "')].soc").value(hasItem(78)))
                .andExpect(jsonPath("$.truncated").value(false));
        mvc.perform(get("/api/live/positions").param("max", "0").with(user("v").roles("VIEWER")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("max"));
        mvc.perform(get("/api/live/positions").with(user("s").roles("SUPPLIER"))).andExpect(status().isForbidden());
    }

    @Test
    void nodesComeFromTheirOwnStatsAndTheRecordedOnlineState() throws Exception {
        nodes.publish(new NodeStats("node-live-1", "10.0.0.1", 32960, 12, 11, 19000, Instant.now()))
                .toCompletableFuture().join();
        jdbc.update("INSERT INTO vehicle_online_state (vin, online, node, since, last_event, last_event_at, last_seen)"
                + " VALUES (?, 1, 'node-live-1', UTC_TIMESTAMP(), 'ONLINE', UTC_TIMESTAMP(), UTC_TIMESTAMP())", vin);
        sessions.addNodeVins("node-live-1", List.of(vin, TestVins.vin())).toCompletableFuture().join();
        mvc.perform(get("/api/live/nodes").with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$[?(@.nodeId == 'node-live-1')].vehicles").value(hasItem(11)))
                .andExpect(jsonPath("$[?(@.nodeId == 'node-live-1')].routed").value(hasItem(2)))
                .andExpect(jsonPath("$[?(@.nodeId == 'node-live-1')].recordedOnline").value(hasItem(1)))
                .andExpect(jsonPath("$[?(@.nodeId == 'node-live-1')].mismatch").value(hasItem(true)));
        mvc.perform(get("/live").with(user("v").roles("VIEWER")))
                .andExpect(content().string(containsString("Routes (Redis)")))
                .andExpect(content().string(containsString("class=\"mismatch\"")))
                .andExpect(content().string(containsString("/js/fleet.js")));
        mvc.perform(get("/api/live/nodes/node-live-1/vehicles").with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.items[0]").value(vin));
        mvc.perform(get("/live").param("node", "node-live-1").with(user("v").roles("VIEWER")))
                .andExpect(content().string(containsString(vin)));
        mvc.perform(get("/api/dashboard").with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.onlineNow").value(org.hamcrest.Matchers.greaterThanOrEqualTo(11)))
                .andExpect(jsonPath("$.framesLastMinute").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)));
        mvc.perform(get("/dashboard").with(user("v").roles("VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("node-live-1")));
        mvc.perform(get("/dashboard").header("HX-Request", "true").with(user("v").roles("VIEWER")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
    }
}
