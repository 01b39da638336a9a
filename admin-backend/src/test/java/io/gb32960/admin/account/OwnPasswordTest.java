package io.gb32960.admin.account;

import io.gb32960.admin.security.Role;
import io.gb32960.admin.supplier.SupplierForm;
import io.gb32960.admin.supplier.SupplierService;
import io.gb32960.admin.support.AdminTest;
import io.gb32960.admin.support.RemoteAddresses;
import io.gb32960.admin.user.UserForm;
import io.gb32960.admin.user.UserService;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every signed-in user changes their own password (page and API); SUPPLIER users too, who see nothing else here. */
@AdminTest
class OwnPasswordTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    SupplierService suppliers;
    @Autowired
    JdbcTemplate jdbc;

    private String newUser(Role role, String supplier) {
        String name = "own" + N.incrementAndGet() + "-" + System.nanoTime() % 100000;
        users.create(new UserForm(name, null, "first-password-1", Set.of(role), supplier, true));
        return name;
    }

    private Cookie signIn(String name, String password) throws Exception {
        Cookie session = mvc.perform(post("/login").param("username", name).param("password", password).with(csrf())
                        .with(RemoteAddresses.elsewhere()))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    @Test
    void aUserChangesTheirPasswordOnThePageWithFieldErrorsForBadInput() throws Exception {
        String name = newUser(Role.VIEWER, null);
        Cookie session = signIn(name, "first-password-1");
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Change your password")));

        mvc.perform(post("/account/password").cookie(session).with(csrf()).with(RemoteAddresses.elsewhere())
                        .param("currentPassword", "not-my-password").param("newPassword", "second-password-2")
                        .param("confirmPassword", "second-password-2"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("this is not your current password")));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "first-password-1").param("newPassword", "second-password-2")
                        .param("confirmPassword", "second-password-3"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("does not repeat the new password")));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "first-password-1").param("newPassword", "short")
                        .param("confirmPassword", "short"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("at least 10 characters")));

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "first-password-1").param("newPassword", "second-password-2")
                        .param("confirmPassword", "second-password-2"))
                .andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/login").param("username", name).param("password", "first-password-1").with(csrf())
                .with(RemoteAddresses.elsewhere())).andExpect(redirectedUrl("/login?error"));
        signIn(name, "second-password-2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'PASSWORD_CHANGE' AND target = ?",
                Integer.class, name)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COALESCE(detail, '') FROM audit_log WHERE action = 'PASSWORD_CHANGE' AND target = ?",
                String.class, name)).doesNotContain("second-password-2");
    }

    @Test
    void theApiChangesThePasswordAndAnswersProblemJson() throws Exception {
        String name = newUser(Role.OPERATOR, null);
        mvc.perform(put("/api/account/password").with(user(name).roles("OPERATOR")).with(csrf())
                        .with(RemoteAddresses.elsewhere())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"wrong-password\", \"newPassword\": \"second-password-2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"));
        mvc.perform(put("/api/account/password").with(user(name).roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'newPassword')]").exists());
        mvc.perform(put("/api/account/password").with(user(name).roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"first-password-1\", \"newPassword\": \"first-password-1\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("newPassword"));
        mvc.perform(put("/api/account/password").with(user(name).roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"first-password-1\", \"newPassword\": \"second-password-2\"}"))
                .andExpect(status().isNoContent());
        signIn(name, "second-password-2");

        mvc.perform(put("/api/account/password").with(user("nobody-by-this-name").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"first-password-1\", \"newPassword\": \"second-password-2\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("CONFLICT"));
    }

    @Test
    void wrongCurrentPasswordsAreThrottledLikeSignIns() throws Exception {
        String name = newUser(Role.VIEWER, null);
        RequestPostProcessor address = RemoteAddresses.elsewhere();
        for (int i = 0; i < 5; i++) {
            mvc.perform(put("/api/account/password").with(user(name).roles("VIEWER")).with(csrf()).with(address)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"currentPassword\": \"guess-" + i + "\", \"newPassword\": \"second-password-2\"}"))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(put("/api/account/password").with(user(name).roles("VIEWER")).with(csrf()).with(address)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"first-password-1\", \"newPassword\": \"second-password-2\"}"))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("TOO_MANY"));
    }

    @Test
    void aSupplierUserSeesNoAdminFeaturesButMayChangeThePassword() throws Exception {
        String code = "OWNSUP" + N.incrementAndGet() + System.nanoTime() % 1000;
        suppliers.create(new SupplierForm(code, "Own supplier", null, true));
        String name = newUser(Role.SUPPLIER, code);
        Cookie session = signIn(name, "first-password-1");
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("OTA service")))
                .andExpect(content().string(containsString("/account/password")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("href=\"/vehicles\""))));
        for (String page : new String[]{"/dashboard", "/vehicles", "/suppliers", "/users", "/terminal-models"}) {
            mvc.perform(get(page).cookie(session)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/vehicles").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/account/password").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "first-password-1").param("newPassword", "second-password-2")
                        .param("confirmPassword", "second-password-2"))
                .andExpect(redirectedUrl("/account/password"));
        signIn(name, "second-password-2");
    }
}
