package io.gb32960.admin.alarm;

import io.gb32960.admin.support.AdminTest;
import io.gb32960.admin.support.TestVins;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Alarms: filters, detail, acknowledgement (once, audited), level 3 on the dashboard. */
@AdminTest
class AlarmTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    private String vin;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void alarms() {
        vin = TestVins.vin();
        insert(now.minusSeconds(30), 3, "temperatureDifference,batteryHighTemperature", 3);
        insert(now.minusSeconds(60), 1, "socLow", 0x80);
        insert(now.minus(3, ChronoUnit.DAYS), 2, "insulation", 0x10);
    }

    private void insert(Instant at, int level, String flags, long bits) {
        jdbc.update("INSERT INTO alarm_event (vin, collected_at, command, received_at, node, edition, max_level,"
                + " flag_bits, flags, fault_codes) VALUES (?, ?, 2, ?, 'node-a', 2016, ?, ?, ?, '{\"storage\":[1]}')",
                vin, LocalDateTime.ofInstant(at, ZoneOffset.UTC), LocalDateTime.ofInstant(at, ZoneOffset.UTC), level,
                bits, flags);
    }

    private String key(Instant at) {
        return vin + "/" + at.getEpochSecond() + "/2";
    }

    @Test
    void theListFiltersByLevelFlagTimeAndAcknowledgement() throws Exception {
        mvc.perform(get("/api/alarms").param("vin", vin).with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].maxLevel").value(3));
        mvc.perform(get("/api/alarms").param("vin", vin).param("minLevel", "2").with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/alarms").param("vin", vin).param("flag", "batteryHighTemperature")
                        .with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].flags[1]")
                        .value("batteryHighTemperature"));
        mvc.perform(get("/api/alarms").param("vin", vin).param("from", now.minus(1, ChronoUnit.DAYS).toString())
                        .with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/alarms").param("vin", vin).with(user("v").roles("VIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("level-3")));
    }

    @Test
    void anAlarmIsAcknowledgedOnceWithACommentAndLeavesTheDashboardList() throws Exception {
        Instant at = now.minusSeconds(30);
        mvc.perform(get("/api/dashboard").with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.openLevel3[*].vin").value(hasItem(vin)));
        mvc.perform(post("/api/alarms/" + key(at) + "/ack").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"driver called, cooling down\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.acknowledgedBy").value("op"))
                .andExpect(jsonPath("$.comment").value("driver called, cooling down"));
        mvc.perform(post("/api/alarms/" + key(at) + "/ack").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"again\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/alarms/" + key(at) + "/ack").with(user("v").roles("VIEWER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/alarms/" + key(at) + "/ack").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"" + "x".repeat(1001) + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/alarms").param("vin", vin).param("acknowledged", "false").with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/dashboard").with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.openLevel3[*].vin").value(not(hasItem(vin))));
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'ALARM_ACK' AND target = ?",
                String.class, vin)).contains("cooling down");

        Instant other = now.minusSeconds(60);
        mvc.perform(post("/alarms/" + key(other) + "/ack").with(user("op").roles("OPERATOR")).with(csrf())
                        .param("comment", "seen"))
                .andExpect(redirectedUrl("/alarms/" + key(other)));
        mvc.perform(get("/alarms/" + key(other)).with(user("op").roles("OPERATOR")))
                .andExpect(content().string(containsString("seen")));
        mvc.perform(get("/api/alarms/" + vin + "/1/2").with(user("v").roles("VIEWER"))).andExpect(status().isNotFound());
    }
}
