package io.gb32960.admin.security;

import io.gb32960.web.signin.SignInThrottle;
import io.gb32960.admin.support.AdminTest;
import io.gb32960.admin.support.RemoteAddresses;
import io.gb32960.admin.user.UserForm;
import io.gb32960.admin.user.UserService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Brute-force protection: failed sign-ins counted per user name and per address in Redis, the lock
 * holding even for the right password, visible to another instance, lifted by success or reset.
 * Each test signs in from addresses of its own ({@link RemoteAddresses}).
 */
@AdminTest
class SignInThrottleTest {

    private static final AtomicInteger N = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserService users;
    @Autowired
    RedissonClient redis;
    @Autowired
    AdminSecurityProperties properties;
    @Autowired
    MeterRegistry meters;

    private String newUser(String password) {
        String name = "throttled" + N.incrementAndGet() + "-" + System.nanoTime() % 100000;
        users.create(new UserForm(name, null, password, Set.of(Role.VIEWER), null, true));
        return name;
    }

    private ResultActions signIn(String name, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", name).param("password", password).with(csrf())
                .with(RemoteAddresses.from(address)));
    }

    @Test
    void fiveWrongPasswordsLockTheUserNameEvenForTheRightPasswordUntilAnAdministratorResetsIt() throws Exception {
        String name = newUser("right-password-1");
        String address = RemoteAddresses.random();
        for (int i = 0; i < 5; i++) {
            signIn(name, "wrong-password-" + i, address).andExpect(redirectedUrl("/login?error"));
        }
        double refusedBefore = refused();
        signIn(name, "right-password-1", address).andExpect(redirectedUrl("/login?locked=15"));
        // the name's lock holds from any address, in any case
        signIn(name.toUpperCase(), "right-password-1", RemoteAddresses.random())
                .andExpect(redirectedUrl("/login?locked=15"));
        assertThat(refused()).isEqualTo(refusedBefore + 2);
        mvc.perform(get("/login").param("locked", "15"))
                .andExpect(content().string(containsString("Too many failed sign-ins for this user name or from"
                        + " this address. Try again in 15 minute(s).")));

        assertThat(redis.getAtomicLong(SignInThrottle.userKey(name)).remainTimeToLive())
                .as("the count expires by itself").isPositive();
        SignInThrottle otherInstance = new SignInThrottle(redis, properties.signInThrottle(), new SimpleMeterRegistry());
        assertThat(otherInstance.lockedFor(name, null)).as("another instance sees the lock").isPresent();

        long id = users.findByUsername(name).orElseThrow().id();
        mvc.perform(put("/api/users/" + id + "/password").with(user("root-admin").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\": \"reset-password-2\"}"))
                .andExpect(status().isNoContent());
        signIn(name, "reset-password-2", address).andExpect(redirectedUrl("/"));
        signIn(name, "right-password-1", address).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aSuccessfulSignInForgetsTheNamesFailures() throws Exception {
        String name = newUser("right-password-1");
        String address = RemoteAddresses.random();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                signIn(name, "wrong-password", address).andExpect(redirectedUrl("/login?error"));
            }
            signIn(name, "right-password-1", address).andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressForEveryUserName() throws Exception {
        String address = RemoteAddresses.random();
        for (int i = 0; i < 20; i++) {
            signIn("nobody-" + i + "-" + System.nanoTime(), "wrong-password", address)
                    .andExpect(redirectedUrl("/login?error"));
        }
        signIn("admin", "bootstrap-secret-1", address).andExpect(redirectedUrl("/login?locked=15"));
        signIn("admin", "bootstrap-secret-1", RemoteAddresses.random()).andExpect(redirectedUrl("/"));
    }

    private double refused() {
        return meters.get("gb32960.admin.sign.in.throttled").counter().count();
    }
}
