package io.gb32960.admin.platform;

import io.gb32960.admin.support.AdminTest;
import io.gb32960.platform.common.registry.PlatformAccount;
import io.gb32960.platform.common.registry.VehicleRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Platform accounts: PBKDF2 in MySQL and the same hash in Redis, what the access node checks. */
@AdminTest
class PlatformAccountTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VehicleRegistry registry;

    private Optional<PlatformAccount> inRedis(String account) {
        return registry.account(account).toCompletableFuture().join();
    }

    @Test
    void anAccountIsHashedMirroredChangedAndRemoved() throws Exception {
        String account = "pf" + System.nanoTime() % 1_000_000;
        mvc.perform(post("/api/platform-accounts").with(user("root").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"account\":\"" + account + "\",\"name\":\"Dispatch\",\"password\":\"secret-pass-1\","
                                + "\"enabled\":true}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.account").value(account))
                .andExpect(jsonPath("$.password").doesNotExist());
        PlatformAccount mirrored = inRedis(account).orElseThrow();
        assertThat(mirrored.secret().matches("secret-pass-1")).isTrue();
        assertThat(mirrored.enabled()).isTrue();
        byte[] hash = jdbc.queryForObject("SELECT secret_hash FROM platform_account WHERE account = ?", byte[].class,
                account);
        assertThat(hash).isEqualTo(mirrored.secret().hash());

        mvc.perform(put("/api/platform-accounts/" + account).with(user("root").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"account\":\"" + account + "\",\"password\":\"other-pass-2\",\"enabled\":false}"))
                .andExpect(status().isOk());
        PlatformAccount changed = inRedis(account).orElseThrow();
        assertThat(changed.secret().matches("other-pass-2")).isTrue();
        assertThat(changed.secret().matches("secret-pass-1")).isFalse();
        assertThat(changed.enabled()).isFalse();
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'PLATFORM_ACCOUNT_UPDATE'"
                + " AND target = ?", String.class, account)).doesNotContain("other-pass-2");

        mvc.perform(delete("/api/platform-accounts/" + account).with(user("root").roles("ADMIN")).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(inRedis(account)).isEmpty();
    }

    @Test
    void passwordsFitThePlatformLoginAndOnlyAdministratorsManageAccounts() throws Exception {
        mvc.perform(post("/api/platform-accounts").with(user("root").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"account\":\"thirteen-char\",\"password\":\"secret-pass-1\",\"enabled\":true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("account"));
        mvc.perform(post("/api/platform-accounts").with(user("root").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"account\":\"pw21\",\"password\":\"123456789012345678901\",\"enabled\":true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(get("/api/platform-accounts").with(user("op").roles("OPERATOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/platform-accounts").with(user("op").roles("OPERATOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/platform-accounts").with(user("root").roles("ADMIN"))).andExpect(status().isOk());
    }
}
