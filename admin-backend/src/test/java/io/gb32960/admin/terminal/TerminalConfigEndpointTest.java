package io.gb32960.admin.terminal;

import io.gb32960.admin.support.AdminTest;
import io.gb32960.admin.support.TestVins;
import io.gb32960.web.terminal.TerminalCrypto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The terminal configuration endpoint as a terminal uses it: HMAC-signed requests (wrong, stale,
 * replayed or unknown: 401), configuration resolved vehicle, model, defaults, and credentials a
 * terminal decrypts with the key it derives from its own secret.
 */
@AdminTest
class TerminalConfigEndpointTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;

    private String vin;
    private byte[] secret;
    private String model;
    private String account;

    @BeforeEach
    void fleet() throws Exception {
        model = "CFG-" + System.nanoTime() % 1_000_000;
        account = "ta" + System.nanoTime() % 1_000_000;
        admin(post("/api/terminal-models"), "{\"code\":\"" + model + "\",\"responseStyle\":\"TIME_ONLY\","
                + "\"upgradeLayout\":\"TABLE_B16_BINARY\"}").andExpect(status().isCreated());
        admin(post("/api/platform-accounts"), "{\"account\":\"" + account + "\",\"password\":\"dispatch-pw-1\","
                + "\"enabled\":true}").andExpect(status().isCreated());
        vin = TestVins.vin();
        admin(post("/api/vehicles"), "{\"vin\":\"" + vin + "\",\"terminalModel\":\"" + model + "\",\"enabled\":true}")
                .andExpect(status().isCreated());
        admin(put("/api/terminal-config/models/" + model), "{\"reportIntervalS\":20,\"heartbeatIntervalS\":60,"
                + "\"baudRate\":9600,\"dispatchHost\":\"gb.example.com\",\"dispatchPort\":32959,\"platformAccount\":\""
                + account + "\",\"platformPassword\":\"dispatch-pw-1\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.hasPassword").value(true));
        admin(put("/api/terminal-config/vehicles/" + vin), "{\"reportIntervalS\":5}").andExpect(status().isOk());
        String body = mvc.perform(post("/api/vehicles/" + vin + "/secret").with(user("root").roles("ADMIN"))
                .with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        secret = HexFormat.of().parseHex(json.readTree(body).get("secretHex").asString());
        assertThat(secret).hasSize(32);
    }

    private ResultActions admin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b,
                                String body) throws Exception {
        return mvc.perform(b.with(user("root").roles("ADMIN")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    /** What a terminal computes: HMAC-SHA256(secret, "VIN:timestamp"), base64. */
    private static String sign(byte[] key, String vin, long ts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((vin + ":" + ts).getBytes(StandardCharsets.US_ASCII)));
    }

    private ResultActions fetch(String vin, long ts, String signature) throws Exception {
        return mvc.perform(get("/api/terminal/config").param("vin", vin)
                .header("X-GB32960-Timestamp", Long.toString(ts)).header("X-GB32960-Signature", signature));
    }

    @Test
    void aSignedRequestGetsTheResolvedConfigurationAndCredentialsOnlyItCanRead() throws Exception {
        long ts = System.currentTimeMillis();
        String body = fetch(vin, ts, sign(secret, vin, ts)).andExpect(status().isOk())
                .andExpect(jsonPath("$.vin").value(vin))
                .andExpect(jsonPath("$.reportIntervalS").value(5))       // the vehicle's override
                .andExpect(jsonPath("$.heartbeatIntervalS").value(60))   // the model's
                .andExpect(jsonPath("$.baudRate").value(9600))
                .andExpect(jsonPath("$.dispatchHost").value("gb.example.com"))
                .andExpect(jsonPath("$.dispatchPort").value(32959))
                .andExpect(jsonPath("$.credentials.alg").value("A256GCM+HKDF-SHA256"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("dispatch-pw-1").doesNotContain(account);

        JsonNode c = json.readTree(body).get("credentials");
        byte[] key = TerminalCrypto.configKey(secret, vin); // HKDF checked against RFC 5869 in TerminalCryptoTest
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, Base64.getDecoder().decode(c.get("iv").asString())));
        gcm.updateAAD((vin + ":" + ts).getBytes(StandardCharsets.US_ASCII));
        JsonNode plain = json.readTree(new String(gcm.doFinal(Base64.getDecoder().decode(c.get("ciphertext")
                .asString())), StandardCharsets.UTF_8));
        assertThat(plain.get("account").asString()).isEqualTo(account);
        assertThat(plain.get("password").asString()).isEqualTo("dispatch-pw-1");
        // stored sealed, never in clear
        byte[] stored = jdbc.queryForObject("SELECT platform_password_enc FROM terminal_config WHERE scope = 'MODEL'"
                + " AND scope_key = ?", byte[].class, model);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("dispatch-pw-1");
    }

    @Test
    void wrongStaleReplayedOrUnknownRequestsGet401() throws Exception {
        long ts = System.currentTimeMillis();
        fetch(vin, ts, sign(secret, vin, ts)).andExpect(status().isOk());
        fetch(vin, ts, sign(secret, vin, ts)).andExpect(status().isUnauthorized());              // replayed
        fetch(vin, ts + 1, sign(new byte[32], vin, ts + 1)).andExpect(status().isUnauthorized()); // wrong key
        fetch(vin, ts + 2, sign(secret, vin, ts + 3)).andExpect(status().isUnauthorized());     // other timestamp
        long stale = ts - 10 * 60_000;
        fetch(vin, stale, sign(secret, vin, stale)).andExpect(status().isUnauthorized());
        String other = TestVins.vin();
        fetch(other, ts + 4, sign(secret, other, ts + 4)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/terminal/config").param("vin", vin)).andExpect(status().isUnauthorized());
        fetch(vin, ts + 5, "not base64!").andExpect(status().isUnauthorized());

        // a new secret: the old one stops working
        admin(post("/api/vehicles/" + vin + "/secret"), "").andExpect(status().isOk());
        fetch(vin, ts + 6, sign(secret, vin, ts + 6)).andExpect(status().isUnauthorized());

        // a disabled vehicle gets nothing
        String body = mvc.perform(post("/api/vehicles/" + vin + "/secret").with(user("root").roles("ADMIN"))
                .with(csrf())).andReturn().getResponse().getContentAsString();
        byte[] fresh = HexFormat.of().parseHex(json.readTree(body).get("secretHex").asString());
        fetch(vin, ts + 7, sign(fresh, vin, ts + 7)).andExpect(status().isOk());
        admin(put("/api/vehicles/" + vin), "{\"vin\":\"" + vin + "\",\"terminalModel\":\"" + model
                + "\",\"enabled\":false}").andExpect(status().isOk());
        fetch(vin, ts + 8, sign(fresh, vin, ts + 8)).andExpect(status().isUnauthorized());
    }

    @Test
    void theConfigurationIsValidatedAndOnlyForAdministrators() throws Exception {
        admin(put("/api/terminal-config/models/" + model), "{\"platformAccount\":\"" + account
                + "\",\"platformPassword\":\"not-the-password\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("platformPassword"));
        admin(put("/api/terminal-config/models/" + model), "{\"platformAccount\":\"nobody\",\"platformPassword\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("platformAccount"));
        admin(put("/api/terminal-config/models/" + model), "{\"baudRate\":1234}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("baudRate"));
        admin(put("/api/terminal-config/models/" + model), "{\"heartbeatIntervalS\":241}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("heartbeatIntervalS"));
        mvc.perform(get("/api/terminal-config/vehicles/" + vin + "/effective").with(user("root").roles("ADMIN")))
                .andExpect(jsonPath("$.sources.reportIntervalS").value("VEHICLE"))
                .andExpect(jsonPath("$.sources.heartbeatIntervalS").value("MODEL"))
                .andExpect(jsonPath("$.sources.platformAccount").value("MODEL"));
        mvc.perform(get("/api/terminal-config/models/" + model).with(user("op").roles("OPERATOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/vehicles/" + vin + "/secret").with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/terminal-config/vehicles/" + vin).with(user("root").roles("ADMIN")))
                .andExpect(status().isOk());
        mvc.perform(get("/terminal-config/models/" + model).with(user("op").roles("OPERATOR")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'TERMINAL_SECRET_ROTATE'"
                + " AND target = ?", Integer.class, vin)).isEqualTo(1);
    }

    @Test
    void deletingTheVehicleForgetsItsOverridesAndSecret() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/vehicles/" + vin)
                .with(user("root").roles("ADMIN")).with(csrf())).andExpect(status().isNoContent());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM terminal_config WHERE scope_key = ?", Integer.class, vin))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM terminal_secret WHERE vin = ?", Integer.class, vin))
                .isZero();
    }
}
