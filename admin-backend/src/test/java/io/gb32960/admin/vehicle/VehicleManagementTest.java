package io.gb32960.admin.vehicle;

import io.gb32960.admin.support.AdminTest;
import io.gb32960.admin.support.TestVins;
import io.gb32960.platform.common.redis.RedisKeys;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Vehicles through the API and pages: validation, uniqueness, the Redis mirror, filters, audit. */
@AdminTest
class VehicleManagementTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RedissonClient redis;

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.with(user("op").roles("OPERATOR")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String vehicle(String vin, String iccid, String terminalModel, boolean enabled) {
        return "{\"vin\":\"" + vin + "\",\"plate\":\"沪A12345\",\"vehicleModel\":\"E-Bus 12\",\"terminalModel\":"
                + (terminalModel == null ? "null" : "\"" + terminalModel + "\"") + ",\"iccid\":"
                + (iccid == null ? "null" : "\"" + iccid + "\"") + ",\"firmwareVersion\":\"V1.0\",\"enabled\":" + enabled + "}";
    }

    private Map<String, String> registry(String vin) {
        return redis.<String, String>getMap(RedisKeys.vehicle(vin), StringCodec.INSTANCE).readAllMap();
    }

    private void model(String code, String style) throws Exception {
        mvc.perform(json(post("/api/terminal-models"), "{\"code\":\"" + code + "\",\"name\":\"T\",\"edition\":\"2016\","
                + "\"responseStyle\":\"" + style + "\",\"upgradeLayout\":\"TABLE_B15_TEXT\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void aVehicleIsStoredMirroredToRedisChangedAndDeleted() throws Exception {
        String model = "TBOX-" + System.nanoTime() % 100000;
        model(model, "ECHO");
        String vin = TestVins.vin();
        String iccid = TestVins.iccid();
        mvc.perform(json(post("/api/vehicles"), vehicle(vin.toLowerCase(), iccid, model, true)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.vin").value(vin))
                .andExpect(jsonPath("$.plate").value("沪A12345"));
        assertThat(registry(vin)).containsEntry("iccid", iccid).containsEntry("terminalModel", model)
                .containsEntry("responseStyle", "ECHO").containsEntry("upgradeLayout", "TABLE_B15_TEXT")
                .containsEntry("enabled", "true");

        mvc.perform(json(put("/api/vehicles/" + vin), vehicle(vin, iccid, model, false)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        assertThat(registry(vin)).containsEntry("enabled", "false");
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'VEHICLE_UPDATE' AND target = ?",
                String.class, vin)).contains("enabled").doesNotContain("plate");

        // the terminal model's profile is part of its vehicles' registry entries
        mvc.perform(json(put("/api/terminal-models/" + model), "{\"code\":\"" + model + "\",\"responseStyle\":"
                + "\"TIME_ONLY\",\"upgradeLayout\":\"TABLE_B16_BINARY\"}")).andExpect(status().isOk());
        assertThat(registry(vin)).containsEntry("responseStyle", "TIME_ONLY")
                .containsEntry("upgradeLayout", "TABLE_B16_BINARY");
        mvc.perform(delete("/api/terminal-models/" + model).with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().isConflict());

        mvc.perform(delete("/api/vehicles/" + vin).with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(registry(vin)).isEmpty();
        mvc.perform(get("/api/vehicles/" + vin).with(user("op").roles("OPERATOR"))).andExpect(status().isNotFound());
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target = ? ORDER BY id", String.class, vin))
                .containsExactly("VEHICLE_CREATE", "VEHICLE_UPDATE", "VEHICLE_DELETE");
    }

    @Test
    void vinsAreCheckedPerGb16735AndVinsAndIccidsAreUnique() throws Exception {
        String vin = TestVins.vin();
        char wrong = vin.charAt(8) == '0' ? '1' : '0';
        String badCheckDigit = vin.substring(0, 8) + wrong + vin.substring(9);
        mvc.perform(json(post("/api/vehicles"), vehicle(badCheckDigit, null, null, true)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("vin"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("check digit")));
        mvc.perform(json(post("/api/vehicles"), vehicle("SHORT", null, null, true)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("vin"));
        mvc.perform(json(post("/api/vehicles"), vehicle(TestVins.vin(), "12AB", null, true)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("iccid"));
        mvc.perform(json(post("/api/vehicles"), vehicle(TestVins.vin(), null, "NO-SUCH-MODEL", true)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("terminalModel"));

        String iccid = TestVins.iccid();
        mvc.perform(json(post("/api/vehicles"), vehicle(vin, iccid, null, true))).andExpect(status().isCreated());
        mvc.perform(json(post("/api/vehicles"), vehicle(vin, null, null, true)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("vin"));
        mvc.perform(json(post("/api/vehicles"), vehicle(TestVins.vin(), iccid, null, true)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("iccid"));
        assertThat(registry(badCheckDigit)).isEmpty();
    }

    @Test
    void theListFiltersInSqlAndPages() throws Exception {
        String prefix = "LF" + "ABCDEFGHJKLMNPRSTUVW".charAt((int) (System.nanoTime() % 20));
        String model = "FILTER-" + System.nanoTime() % 100000;
        model(model, "TIME_ONLY");
        String online = TestVins.vin(prefix);
        String offline = TestVins.vin(prefix);
        mvc.perform(json(post("/api/vehicles"), vehicle(online, null, model, true))).andExpect(status().isCreated());
        mvc.perform(json(post("/api/vehicles"), vehicle(offline, null, model, true))).andExpect(status().isCreated());
        jdbc.update("UPDATE vehicle SET firmware_version = 'V9.9' WHERE vin = ?", offline);
        jdbc.update("INSERT INTO vehicle_online_state (vin, online, node, since, last_event, last_event_at, last_seen)"
                + " VALUES (?, 1, 'node-a', UTC_TIMESTAMP(), 'ONLINE', UTC_TIMESTAMP(), UTC_TIMESTAMP())", online);

        mvc.perform(get("/api/vehicles").param("terminalModel", model).with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/vehicles").param("terminalModel", model).param("online", "true")
                        .with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].vin").value(online))
                .andExpect(jsonPath("$.items[0].node").value("node-a"));
        mvc.perform(get("/api/vehicles").param("terminalModel", model).param("online", "false")
                        .with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.items[0].vin").value(offline));
        mvc.perform(get("/api/vehicles").param("firmwareVersion", "V9.9").with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.items[0].vin").value(offline));
        mvc.perform(get("/api/vehicles").param("q", online.substring(0, 12).toLowerCase()).with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.items[0].vin").value(online));
        mvc.perform(get("/api/vehicles").param("terminalModel", model).param("size", "1").param("page", "1")
                        .with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.total").value(2));
        // LIKE wildcards in the search are literal
        mvc.perform(get("/api/vehicles").param("q", "%").with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.total").value(0));
        // the page and its htmx table fragment
        mvc.perform(get("/vehicles").param("terminalModel", model).with(user("v").roles("VIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(online)))
                .andExpect(content().string(containsString("<html")));
        mvc.perform(get("/vehicles").param("terminalModel", model).header("HX-Request", "true")
                        .with(user("v").roles("VIEWER")))
                .andExpect(content().string(containsString(offline)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
    }

    @Test
    void aViewerReadsButDoesNotChangeVehicles() throws Exception {
        mvc.perform(get("/api/vehicles").with(user("v").roles("VIEWER"))).andExpect(status().isOk());
        mvc.perform(post("/api/vehicles").with(user("v").roles("VIEWER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(vehicle(TestVins.vin(), null, null, true)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/vehicles/new").with(user("v").roles("VIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/vehicles").with(user("s").roles("SUPPLIER"))).andExpect(status().isForbidden());
    }

    @Test
    void thePageFormShowsFieldErrorsAndRegistersVehicles() throws Exception {
        String vin = TestVins.vin();
        mvc.perform(post("/vehicles").with(user("op").roles("OPERATOR")).with(csrf())
                        .param("vin", vin.substring(0, 16) + "I").param("enabled", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("GB 16735")));
        mvc.perform(post("/vehicles").with(user("op").roles("OPERATOR")).with(csrf())
                        .param("vin", vin).param("iccid", "abc").param("enabled", "true"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("19 or 20 digits")));
        mvc.perform(post("/vehicles").with(user("op").roles("OPERATOR")).with(csrf())
                        .param("vin", vin).param("plate", "京B00001").param("responseStyle", "").param("enabled", "true"))
                .andExpect(redirectedUrl("/vehicles/" + vin));
        assertThat(registry(vin)).containsEntry("enabled", "true");
        mvc.perform(get("/vehicles/" + vin).with(user("op").roles("OPERATOR")))
                .andExpect(content().string(containsString("京B00001")));
        mvc.perform(get("/vehicles/" + vin + "/edit").with(user("op").roles("OPERATOR"))).andExpect(status().isOk());
    }

    @Test
    void theListPagesByCursorBothWaysAndRefusesBadCursors() throws Exception {
        String firmware = "PAGING-" + System.nanoTime();
        List<String> vins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String vin = TestVins.vin();
            vins.add(vin);
            mvc.perform(json(post("/api/vehicles"), "{\"vin\":\"" + vin + "\",\"firmwareVersion\":\"" + firmware
                    + "\",\"enabled\":true}")).andExpect(status().isCreated());
        }
        Collections.sort(vins);
        String list = "/api/vehicles?size=2&firmwareVersion=" + firmware;
        mvc.perform(get(list).with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.total").value(5)).andExpect(jsonPath("$.items[1].vin").value(vins.get(1)))
                .andExpect(jsonPath("$.nextAfter").value(vins.get(1))).andExpect(jsonPath("$.previousBefore").doesNotExist());
        mvc.perform(get(list + "&page=1&after=" + vins.get(1)).with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.page").value(1)).andExpect(jsonPath("$.items[0].vin").value(vins.get(2)))
                .andExpect(jsonPath("$.nextAfter").value(vins.get(3)))
                .andExpect(jsonPath("$.previousBefore").value(vins.get(2)));
        mvc.perform(get(list + "&page=2&after=" + vins.get(3)).with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.items[0].vin").value(vins.get(4)))
                .andExpect(jsonPath("$.nextAfter").doesNotExist());
        mvc.perform(get(list + "&page=1&before=" + vins.get(4)).with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.items[0].vin").value(vins.get(2))).andExpect(jsonPath("$.items[1].vin").value(vins.get(3)))
                .andExpect(jsonPath("$.nextAfter").value(vins.get(3)))
                .andExpect(jsonPath("$.previousBefore").value(vins.get(2)));
        mvc.perform(get(list + "&before=" + vins.get(2)).with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.items[0].vin").value(vins.get(0)))
                .andExpect(jsonPath("$.previousBefore").doesNotExist());
        mvc.perform(get("/vehicles?firmwareVersion=" + firmware + "&after=" + vins.get(1) + "&page=1")
                        .with(user("v").roles("VIEWER"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("before=" + vins.get(2) + "&amp;page=0")))
                .andExpect(content().string(not(containsString("after="))));

        mvc.perform(get("/api/vehicles?after=not-a-vin").with(user("v").roles("VIEWER")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("after"));
        mvc.perform(get("/api/vehicles?after=A&before=B").with(user("v").roles("VIEWER")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("before"));
        mvc.perform(get("/vehicles?before=%27%3B").with(user("v").roles("VIEWER"))).andExpect(status().isBadRequest());
    }
}
