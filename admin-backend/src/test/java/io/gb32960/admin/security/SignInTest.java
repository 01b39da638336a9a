package io.gb32960.admin.security;

import io.gb32960.admin.support.AdminInfra;
import io.gb32960.admin.support.AdminTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-in with the bootstrap administrator, sessions in Redis, CSRF, anonymous access. */
@AdminTest
class SignInTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RedissonClient redis;

    @Test
    void anonymousPagesRedirectToTheSignInPageAndTheApiAnswers401AsProblemJson() throws Exception {
        mvc.perform(get("/dashboard")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/users")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void theBootstrapAdministratorSignsInAndTheSessionLivesInRedis() throws Exception {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user u JOIN app_user_role ur ON ur.user_id = u.id"
                + " JOIN app_role r ON r.id = ur.role_id WHERE u.username = 'admin' AND r.code = 'ADMIN'",
                Integer.class)).isEqualTo(1);

        MvcResult login = mvc.perform(post("/login").param("username", "admin").param("password", "bootstrap-secret-1")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/")).andReturn();
        Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(session).as("Spring Session's cookie").isNotNull();
        assertThat(redis.getKeys().getKeysStreamByPattern("gb32960:web-session:sessions:*").count()).isPositive();

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/dashboard"));
        mvc.perform(get("/dashboard").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/api/users").cookie(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.username == 'admin')]").exists());

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN' AND actor = 'admin'",
                Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT last_login_at IS NOT NULL FROM app_user WHERE username = 'admin'",
                Boolean.class)).isTrue();
    }

    @Test
    void aWrongPasswordIsRefusedAndAudited() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN_FAILED'"
                + " AND target = 'admin'", Integer.class)).isPositive();
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").param("username", "admin").param("password", "bootstrap-secret-1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/users").session(session)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user("admin").roles("ADMIN"))
                        .param("username", "x-user").param("password", "long-enough-password").param("roles", "VIEWER"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = 'x-user'", Integer.class)).isZero();
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        MvcResult login = mvc.perform(post("/login").param("username", "admin").param("password", "bootstrap-secret-1")
                .with(csrf())).andReturn();
        Cookie session = login.getResponse().getCookie("SESSION");
        mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/dashboard").cookie(session)).andExpect(status().is3xxRedirection());
        assertThat(AdminInfra.redisPort()).isPositive();
    }

    @Test
    void errorsShowNoStackTrace() throws Exception {
        mvc.perform(get("/api/users/not-a-number").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user("admin").roles("ADMIN")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("at io."))))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("problem+json")));
    }
}
