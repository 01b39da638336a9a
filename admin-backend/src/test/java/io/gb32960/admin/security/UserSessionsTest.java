package io.gb32960.admin.security;

import io.gb32960.web.signin.UserSessions;
import io.gb32960.admin.supplier.SupplierForm;
import io.gb32960.admin.supplier.SupplierService;
import io.gb32960.admin.support.AdminTest;
import io.gb32960.admin.support.RemoteAddresses;
import io.gb32960.admin.user.UserForm;
import io.gb32960.admin.user.UserService;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A new password (own or reset), other roles, disabling a user or their supplier, deleting a user:
 * the user's open sessions end (removed from Redis), in this service and so in the OTA service
 * sharing them; a user changing their own password keeps the session they did it in.
 */
@AdminTest
class UserSessionsTest {

    private static final AtomicInteger N = new AtomicInteger();
    private static final RequestPostProcessor ADMIN = user("root-admin").roles("ADMIN");
    private static final String PASSWORD = "first-password-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    SupplierService suppliers;
    @Autowired
    UserSessions sessions;
    @Autowired
    RedissonClient redis;

    private String newUser(Role role, String supplier) {
        String name = "sess" + N.incrementAndGet() + "-" + System.nanoTime() % 100000;
        users.create(new UserForm(name, null, PASSWORD, Set.of(role), supplier, true));
        return name;
    }

    private Cookie signIn(String name, String password) throws Exception {
        Cookie session = mvc.perform(post("/login").param("username", name).param("password", password).with(csrf())
                        .with(RemoteAddresses.elsewhere()))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    private boolean signedIn(Cookie session) throws Exception {
        int status = mvc.perform(get("/account/password").cookie(session)).andReturn().getResponse().getStatus();
        assertThat(status).as("the password page: 200 signed in, 302 to the sign-in page").isIn(200, 302);
        return status == 200;
    }

    private boolean inRedis(Cookie session) {
        String id = new String(Base64.getDecoder().decode(session.getValue()));
        return redis.getKeys().countExists("gb32960:web-session:sessions:" + id) == 1;
    }

    private long id(String name) {
        return users.findByUsername(name).orElseThrow().id();
    }

    @Test
    void changingTheOwnPasswordEndsTheOtherSessionsButNotThisOne() throws Exception {
        String name = newUser(Role.OPERATOR, null);
        Cookie here = signIn(name, PASSWORD);
        Cookie elsewhere = signIn(name, PASSWORD);
        assertThat(signedIn(here)).isTrue();
        assertThat(signedIn(elsewhere)).isTrue();

        mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", PASSWORD)
                        .param("newPassword", "second-password-2").param("confirmPassword", "second-password-2"))
                .andExpect(redirectedUrl("/account/password"));

        assertThat(signedIn(here)).as("where the password was changed").isTrue();
        assertThat(signedIn(elsewhere)).as("the other session").isFalse();
        assertThat(inRedis(elsewhere)).as("the ended session is removed from Redis").isFalse();
        mvc.perform(get("/api/vehicles").cookie(elsewhere)).andExpect(status().isUnauthorized());
        // a bearer header does not exempt an ended browser session on the pages
        mvc.perform(get("/account/password").cookie(elsewhere).header("Authorization", "Bearer anything"))
                .andExpect(status().is3xxRedirection());

        // the API call ends the other sessions as well
        Cookie third = signIn(name, "second-password-2");
        mvc.perform(put("/api/account/password").cookie(here).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"second-password-2\", \"newPassword\": \"third-password-3\","
                                + " \"confirmPassword\": \"third-password-3\"}"))
                .andExpect(status().isNoContent());
        assertThat(signedIn(third)).isFalse();
        assertThat(signedIn(here)).isTrue();
        assertThat(signedIn(signIn(name, "third-password-3"))).as("a new sign-in after the change").isTrue();
    }

    @Test
    void aPasswordResetOrNewRolesOrDisablingOrDeletingEndTheUsersSessions() throws Exception {
        String name = newUser(Role.OPERATOR, null);
        Cookie a = signIn(name, PASSWORD);
        Cookie b = signIn(name, PASSWORD);
        mvc.perform(put("/api/users/" + id(name) + "/password").with(ADMIN).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\": \"reset-password-1\"}"))
                .andExpect(status().isNoContent());
        assertThat(signedIn(a)).isFalse();
        assertThat(signedIn(b)).isFalse();

        Cookie c = signIn(name, "reset-password-1");
        users.update(id(name), new UserForm(name, "now a viewer", "", Set.of(Role.VIEWER), null, true));
        assertThat(signedIn(c)).as("roles changed").isFalse();

        Cookie d = signIn(name, "reset-password-1");
        users.update(id(name), new UserForm(name, "renamed only", "", Set.of(Role.VIEWER), null, true));
        assertThat(signedIn(d)).as("only the display name changed").isTrue();
        users.update(id(name), new UserForm(name, "renamed only", "", Set.of(Role.VIEWER), null, false));
        assertThat(signedIn(d)).as("disabled").isFalse();

        users.update(id(name), new UserForm(name, "enabled again", "", Set.of(Role.VIEWER), null, true));
        Cookie e = signIn(name, "reset-password-1");
        mvc.perform(delete("/api/users/" + id(name))
                .with(ADMIN).with(csrf())).andExpect(status().isNoContent());
        assertThat(signedIn(e)).as("deleted").isFalse();
    }

    @Test
    void disablingASupplierEndsTheSessionsOfItsUsers() throws Exception {
        String code = "SESS-SUP" + N.incrementAndGet() + "-" + System.nanoTime() % 100000;
        suppliers.create(new SupplierForm(code, "Session Supplier", null, true));
        String supplierUser = newUser(Role.SUPPLIER, code);
        String other = newUser(Role.VIEWER, null);
        Cookie s = signIn(supplierUser, PASSWORD);
        Cookie o = signIn(other, PASSWORD);

        suppliers.update(code, new SupplierForm(code, "Session Supplier", "renamed contact", true));
        assertThat(signedIn(s)).as("still enabled").isTrue();
        suppliers.update(code, new SupplierForm(code, "Session Supplier", null, false));
        assertThat(signedIn(s)).as("supplier disabled").isFalse();
        assertThat(signedIn(o)).as("a user of no supplier").isTrue();
        assertThat(sessions.generation(supplierUser.toUpperCase())).as("user names are case-insensitive")
                .isPositive();
    }
}
