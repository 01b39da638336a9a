package io.gb32960.admin.user;

import io.gb32960.admin.support.AdminTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Users and roles through the API and the pages; rules; audit; BCrypt. */
@AdminTest
class UserManagementTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    private static String name() {
        return "user" + N.incrementAndGet() + "-" + System.nanoTime() % 100000;
    }

    private String body(String username, String password, String... roles) {
        return json.writeValueAsString(new UserForm(username, "Some One", password, java.util.Set.of(roles).stream()
                .map(io.gb32960.admin.security.Role::valueOf).collect(java.util.stream.Collectors.toSet()), null, true));
    }

    @Test
    void anAdministratorCreatesAUserWithABcryptHashAndTheChangeIsAudited() throws Exception {
        String name = name();
        mvc.perform(post("/api/users").with(user("root-admin").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body(name, "operator-pass-1", "OPERATOR")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(name))
                .andExpect(jsonPath("$.roles[0]").value("OPERATOR"))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, name);
        assertThat(hash).startsWith("$2a$").doesNotContain("operator-pass-1");
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_log WHERE action = 'USER_CREATE' AND target = ?",
                String.class, name)).isEqualTo("root-admin");
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'USER_CREATE' AND target = ?",
                String.class, name)).contains("OPERATOR").doesNotContain("operator-pass-1");
    }

    @Test
    void invalidInputIsAProblemWithFieldErrors() throws Exception {
        mvc.perform(post("/api/users").with(user("root-admin").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body("x", "short", "OPERATOR")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("username"));
        mvc.perform(post("/api/users").with(user("root-admin").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body(name(), "short", "OPERATOR")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(post("/api/users").with(user("root-admin").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void aDuplicateUserNameIsAConflict() throws Exception {
        String name = name();
        mvc.perform(post("/api/users").with(user("root-admin").roles("ADMIN")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body(name, "operator-pass-1", "VIEWER")))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/users").with(user("root-admin").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body(name, "operator-pass-1", "VIEWER")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("username"));
    }

    @Test
    void anOperatorAndASupplierCannotManageUsers() throws Exception {
        mvc.perform(get("/api/users").with(user("op").roles("OPERATOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/users").with(user("op").roles("OPERATOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/users").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body(name(), "operator-pass-1", "ADMIN")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/users").with(user("sup").roles("SUPPLIER"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").with(user("sup").roles("SUPPLIER"))).andExpect(status().isForbidden());
        mvc.perform(get("/").with(user("sup").roles("SUPPLIER"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("OTA service")));
    }

    @Test
    void theLastAdministratorCannotBeDemotedAndNobodyDeletesThemselves() throws Exception {
        long adminId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'admin'", Long.class);
        // demoting the only administrator (by someone else) would leave none
        mvc.perform(put("/api/users/" + adminId).with(user("root-admin").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body("admin", "", "OPERATOR")))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/users/" + adminId).with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user_role ur JOIN app_role r ON r.id = ur.role_id"
                + " WHERE ur.user_id = ? AND r.code = 'ADMIN'", Integer.class, adminId)).isEqualTo(1);
    }

    @Test
    void thePageFormShowsFieldErrorsAndCreatesUsers() throws Exception {
        mvc.perform(post("/users").with(user("root-admin").roles("ADMIN")).with(csrf())
                        .param("username", "no spaces allowed").param("password", "long-enough-password")
                        .param("roles", "VIEWER").param("enabled", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 to 64 letters")));
        String name = name();
        mvc.perform(post("/users").with(user("root-admin").roles("ADMIN")).with(csrf())
                        .param("username", name).param("password", "long-enough-password")
                        .param("roles", "VIEWER").param("enabled", "true"))
                .andExpect(redirectedUrl("/users"));
        mvc.perform(get("/users").param("q", name).with(user("root-admin").roles("ADMIN")))
                .andExpect(content().string(containsString(name)));
        long id = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, name);
        mvc.perform(get("/users/" + id).with(user("root-admin").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(post("/users/" + id + "/delete").with(user("root-admin").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/users"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, name)).isZero();
        mvc.perform(get("/users/999999").with(user("root-admin").roles("ADMIN"))).andExpect(status().isNotFound());
    }
}
