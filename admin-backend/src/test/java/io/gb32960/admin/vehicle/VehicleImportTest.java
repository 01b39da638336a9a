package io.gb32960.admin.vehicle;

import io.gb32960.admin.support.AdminTest;
import io.gb32960.admin.support.TestVins;
import io.gb32960.platform.common.registry.VehicleRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** CSV import: good rows stored and mirrored, bad rows reported with the field at fault. */
@AdminTest
class VehicleImportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VehicleRegistry registry;

    @Test
    void goodRowsAreStoredAndEachBadRowIsReported() throws Exception {
        String a = TestVins.vin();
        String b = TestVins.vin();
        String iccid = TestVins.iccid();
        String badCheck = a.substring(0, 8) + (a.charAt(8) == '0' ? '1' : '0') + a.substring(9);
        String csv = "VIN,plate,vehicle_model,iccid,enabled,responseStyle\n"
                + a + ",\"沪A 0001\",Bus," + iccid + ",true,\n"
                + b + ",,Bus,,no,ECHO\n"
                + badCheck + ",,,,,\n"
                + a + ",,,,,\n"
                + TestVins.vin() + ",,," + iccid + ",,\n"
                + TestVins.vin() + ",,,,maybe,\n"
                + TestVins.vin() + ",,,,,WRONG\n"
                + TestVins.vin() + ",,,123,,\n";
        mvc.perform(post("/api/vehicles/import").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(8)).andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.failed").value(6))
                .andExpect(jsonPath("$.errors[0].row").value(4)).andExpect(jsonPath("$.errors[0].field").value("vin"))
                .andExpect(jsonPath("$.errors[1].message").value(containsString("repeated (row 2)")))
                .andExpect(jsonPath("$.errors[2].field").value("iccid"))
                .andExpect(jsonPath("$.errors[3].field").value("enabled"))
                .andExpect(jsonPath("$.errors[4].field").value("responseStyle"))
                .andExpect(jsonPath("$.errors[5].field").value("iccid"));
        assertThat(jdbc.queryForObject("SELECT plate FROM vehicle WHERE vin = ?", String.class, a)).isEqualTo("沪A 0001");
        assertThat(registry.vehicle(b).toCompletableFuture().join()).hasValueSatisfying(v -> {
            assertThat(v.enabled()).isFalse();
            assertThat(v.responseStyle().name()).isEqualTo("ECHO");
        });
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'VEHICLE_IMPORT' ORDER BY id DESC"
                + " LIMIT 1", String.class)).contains("\"created\":2");

        // again with update: the existing ones change
        mvc.perform(post("/api/vehicles/import").param("update", "true").with(user("op").roles("OPERATOR"))
                        .with(csrf()).contentType("text/csv").content("vin,plate\n" + a + ",NEW\n"))
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(jdbc.queryForObject("SELECT plate FROM vehicle WHERE vin = ?", String.class, a)).isEqualTo("NEW");
    }

    @Test
    void aBadHeaderStopsTheImportAndThePageTakesAFile() throws Exception {
        mvc.perform(post("/api/vehicles/import").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType("text/csv").content("vin,colour\nX,red\n"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.detail").value(containsString("colour")));
        String vin = TestVins.vin();
        mvc.perform(multipart("/vehicles/import").file(new MockMultipartFile("file", "fleet.csv", "text/csv",
                        ("vin\n" + vin + "\nBROKEN\n").getBytes(StandardCharsets.UTF_8)))
                        .with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 rows: 1 created, 0 updated, 1 failed")));
        mvc.perform(multipart("/api/vehicles/import").file(new MockMultipartFile("file", "fleet.csv", "text/csv",
                        ("vin\n" + TestVins.vin() + "\n").getBytes(StandardCharsets.UTF_8)))
                        .with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(jsonPath("$.created").value(1));
        mvc.perform(post("/api/vehicles/import").with(user("v").roles("VIEWER")).with(csrf())
                .contentType("text/csv").content("vin\n")).andExpect(status().isForbidden());
    }
}
