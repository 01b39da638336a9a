package io.gb32960.admin.security;

import io.gb32960.admin.support.AdminTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** API clients authenticate with tokens an administrator created; revoked and unknown tokens get 401. */
@AdminTest
class ApiTokenTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;

    private String create(String name, String role) throws Exception {
        String body = mvc.perform(post("/api/tokens").with(user("root-admin").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"validDays\":30}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode node = json.readTree(body);
        assertThat(node.get("token").asString()).startsWith("gbt_");
        return node.get("token").asString();
    }

    @Test
    void aTokenActsWithItsRoleWithoutCsrfOrSession() throws Exception {
        String admin = create("ci-admin-" + System.nanoTime(), "ADMIN");
        String viewer = create("ci-viewer-" + System.nanoTime(), "VIEWER");
        mvc.perform(get("/api/users").header("Authorization", "Bearer " + admin)).andExpect(status().isOk());
        mvc.perform(get("/api/users").header("Authorization", "Bearer " + viewer)).andExpect(status().isForbidden());
        // a change with a bearer token needs no CSRF token, and is audited as the token
        String name = "by-token-" + System.nanoTime() % 100000;
        mvc.perform(post("/api/users").header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + name + "\",\"password\":\"long-enough-1\",\"roles\":[\"VIEWER\"],"
                                + "\"enabled\":true}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_log WHERE action = 'USER_CREATE' AND target = ?",
                String.class, name)).startsWith("token:ci-admin-");
        // only the hash is stored
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_token WHERE token_hash = ?", Integer.class, admin))
                .isZero();
    }

    @Test
    void unknownAndRevokedTokensAreRefused() throws Exception {
        mvc.perform(get("/api/users").header("Authorization", "Bearer gbt_nope")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        String name = "revoked-" + System.nanoTime();
        String token = create(name, "ADMIN");
        long id = jdbc.queryForObject("SELECT id FROM api_token WHERE name = ?", Long.class, name);
        mvc.perform(post("/api/tokens/" + id + "/revoke").header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/users").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void onlyAdministratorsManageTokensAndSupplierTokensDoNotExist() throws Exception {
        mvc.perform(get("/api/tokens").with(user("op").roles("OPERATOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/tokens").with(user("root-admin").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"sup-token\",\"role\":\"SUPPLIER\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("role"));
    }
}
