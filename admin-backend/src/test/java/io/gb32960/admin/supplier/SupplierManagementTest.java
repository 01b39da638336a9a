package io.gb32960.admin.supplier;

import io.gb32960.admin.support.AdminTest;
import io.gb32960.admin.support.RemoteAddresses;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Suppliers (ADMIN): API and pages, validation, users and terminal models bound to them, disabling. */
@AdminTest
class SupplierManagementTest {

    private static final AtomicInteger N = new AtomicInteger();
    private static final RequestPostProcessor ADMIN = user("root-admin").roles("ADMIN");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    private static String code() {
        return "SUP" + N.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    private ResultActions api(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(ADMIN).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String supplier(String code, String name, boolean enabled) {
        return "{\"code\": \"" + code + "\", \"name\": \"" + name + "\", \"contact\": \"ota@example.com\", \"enabled\": "
                + enabled + "}";
    }

    @Test
    void anAdministratorManagesSuppliersThroughTheApiWithProblemJsonForBadInput() throws Exception {
        String code = code();
        api(post("/api/suppliers"), supplier(code, "Acme T-Box", true)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code)).andExpect(jsonPath("$.users").value(0));
        api(post("/api/suppliers"), supplier(code, "Again", true)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("DUPLICATE")).andExpect(jsonPath("$.errors[0].field").value("code"));
        api(post("/api/suppliers"), "{\"code\": \"bad code!\", \"name\": \"\"}").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[?(@.field == 'code')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')]").exists());

        mvc.perform(get("/api/suppliers").with(ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '" + code + "')].name").value("Acme T-Box"));
        api(put("/api/suppliers/" + code), supplier(code, "Acme Telematics", true)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Acme Telematics"));
        api(put("/api/suppliers/" + code), supplier(code + "X", "Renamed", true)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE target_type = 'supplier' AND target = ?"
                + " AND action IN ('SUPPLIER_CREATE', 'SUPPLIER_UPDATE') AND actor = 'root-admin'", Integer.class, code))
                .isEqualTo(2);

        mvc.perform(delete("/api/suppliers/" + code).with(ADMIN).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/suppliers/" + code).with(ADMIN)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void usersAndTerminalModelsAreBoundToASupplierWhichCannotBeDeletedThen() throws Exception {
        String code = code();
        api(post("/api/suppliers"), supplier(code, "Bound", true)).andExpect(status().isCreated());
        String model = "TBOX-" + code;
        api(post("/api/terminal-models"), "{\"code\": \"" + model + "\", \"supplierCode\": \"" + code
                + "\", \"responseStyle\": \"TIME_ONLY\", \"upgradeLayout\": \"TABLE_B16_BINARY\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.supplierCode").value(code));
        String username = "sup-" + code.toLowerCase();
        api(post("/api/users"), "{\"username\": \"" + username + "\", \"password\": \"supplier-pass-1\","
                + " \"roles\": [\"SUPPLIER\"], \"supplierCode\": \"" + code + "\", \"enabled\": true}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.supplierCode").value(code));
        api(post("/api/users"), "{\"username\": \"" + username + "x\", \"password\": \"supplier-pass-1\","
                + " \"roles\": [\"SUPPLIER\"], \"enabled\": true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("supplierCode"));
        api(post("/api/users"), "{\"username\": \"" + username + "y\", \"password\": \"supplier-pass-1\","
                + " \"roles\": [\"SUPPLIER\"], \"supplierCode\": \"NO-SUCH\", \"enabled\": true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("supplierCode"));

        mvc.perform(get("/api/suppliers/" + code).with(ADMIN)).andExpect(jsonPath("$.users").value(1))
                .andExpect(jsonPath("$.terminalModels").value(1));
        mvc.perform(get("/suppliers/" + code).with(ADMIN)).andExpect(status().isOk())
                .andExpect(content().string(containsString(username)))
                .andExpect(content().string(containsString(model)));
        mvc.perform(delete("/api/suppliers/" + code).with(ADMIN).with(csrf())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("1 users, 1 terminal models")));
        mvc.perform(post("/suppliers/" + code + "/delete").with(ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/suppliers")).andExpect(flash().attribute("problem", containsString("in use")));
    }

    @Test
    void theUsersOfADisabledSupplierCannotSignIn() throws Exception {
        String code = code();
        api(post("/api/suppliers"), supplier(code, "Soon disabled", true)).andExpect(status().isCreated());
        String username = "dis-" + code.toLowerCase();
        api(post("/api/users"), "{\"username\": \"" + username + "\", \"password\": \"supplier-pass-1\","
                + " \"roles\": [\"SUPPLIER\"], \"supplierCode\": \"" + code + "\", \"enabled\": true}")
                .andExpect(status().isCreated());
        mvc.perform(post("/login").param("username", username).param("password", "supplier-pass-1").with(csrf())
                        .with(RemoteAddresses.elsewhere()))
                .andExpect(redirectedUrl("/"));
        api(put("/api/suppliers/" + code), supplier(code, "Disabled", false)).andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(post("/login").param("username", username).param("password", "supplier-pass-1").with(csrf())
                        .with(RemoteAddresses.elsewhere()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void thePagesCreateEditAndDeleteWithFieldErrors() throws Exception {
        mvc.perform(get("/suppliers/new").with(ADMIN)).andExpect(status().isOk());
        mvc.perform(post("/suppliers").with(ADMIN).with(csrf()).param("code", "no spaces").param("name", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 to 32 letters, digits or . _ -")))
                .andExpect(content().string(containsString("a name is required")));
        String code = code();
        mvc.perform(post("/suppliers").with(ADMIN).with(csrf()).param("code", code).param("name", "Page supplier")
                        .param("enabled", "true"))
                .andExpect(redirectedUrl("/suppliers")).andExpect(flash().attribute("notice", containsString(code)));
        mvc.perform(get("/suppliers").with(ADMIN)).andExpect(content().string(containsString(code)));
        mvc.perform(post("/suppliers").with(ADMIN).with(csrf()).param("code", code).param("name", "Twice"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("exists")));
        mvc.perform(post("/suppliers/" + code).with(ADMIN).with(csrf()).param("code", code).param("name", "Renamed")
                        .param("contact", "someone"))
                .andExpect(redirectedUrl("/suppliers"));
        assertThat(jdbc.queryForObject("SELECT name FROM supplier WHERE code = ?", String.class, code)).isEqualTo("Renamed");
        mvc.perform(post("/suppliers/" + code + "/delete").with(ADMIN).with(csrf())).andExpect(redirectedUrl("/suppliers"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM supplier WHERE code = ?", Integer.class, code)).isZero();
    }
}
