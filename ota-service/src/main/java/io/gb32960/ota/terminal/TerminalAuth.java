package io.gb32960.ota.terminal;

import io.gb32960.platform.common.redis.RedisKeys;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a terminal's request signature exactly as the admin backend's terminal-configuration
 * endpoint does (docs/admin-backend.md): {@code X-GB32960-Timestamp} (epoch ms) and
 * {@code X-GB32960-Signature} (base64 HMAC-SHA256 of {@code VIN:timestamp} under the terminal's
 * secret); the timestamp within the clock skew and used once per VIN. The secret is read from
 * {@code terminal_secret}, sealed by the admin backend (AES-256-GCM under its master key, AAD
 * {@code terminal-secret:VIN}, layout 0x01 | IV(12) | ciphertext+tag).
 *
 * <p>Duplicated from the admin backend's {@code TerminalCrypto}/{@code SecretBox} (verification
 * only) until both move to platform-common.
 */
@Component
public class TerminalAuth {

    public static final String TIMESTAMP = "X-GB32960-Timestamp";
    public static final String SIGNATURE = "X-GB32960-Signature";
    private static final String MASTER_KEY_NAME = "master-key";
    private static final int IV_BYTES = 12;

    private final NamedParameterJdbcTemplate jdbc;
    private final RedissonClient redis;
    private final TerminalAuthProperties properties;
    private final Clock clock;
    private volatile byte[] masterKey;

    TerminalAuth(NamedParameterJdbcTemplate jdbc, RedissonClient redis, TerminalAuthProperties properties,
                 Clock clock) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /** A terminal that did not prove who it is; {@code reason} is for metrics only, never for the answer. */
    public static final class Refused extends RuntimeException {
        private final String reason;

        Refused(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Returns normally when the request is signed by {@code vin}'s terminal; throws {@link Refused} otherwise. */
    public void verify(String vin, String timestamp, String signature) {
        if (vin == null || vin.length() != 17 || timestamp == null || signature == null) {
            throw new Refused("incomplete");
        }
        long ts;
        byte[] given;
        try {
            ts = Long.parseLong(timestamp.trim());
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            throw new Refused("malformed");
        }
        if (Duration.between(Instant.ofEpochMilli(ts), clock.instant()).abs().compareTo(properties.clockSkew()) > 0) {
            throw new Refused("stale");
        }
        Optional<byte[]> secret = secret(vin);
        if (secret.isEmpty()) {
            throw new Refused("unknown");
        }
        byte[] expected = hmacSha256(secret.get(), (vin + ":" + ts).getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(expected, given)) {
            throw new Refused("signature");
        }
        boolean first = redis.getBucket(RedisKeys.PREFIX + "ota:check-seen:{" + vin + "}:" + ts, StringCodec.INSTANCE)
                .setIfAbsent("1", properties.clockSkew().multipliedBy(2));
        if (!first) {
            throw new Refused("replay");
        }
    }

    /** The secret of an enabled vehicle's terminal, if it has one. */
    private Optional<byte[]> secret(String vin) {
        return jdbc.query("""
                SELECT s.secret_enc FROM terminal_secret s JOIN vehicle v ON v.vin = s.vin
                WHERE s.vin = :vin AND v.enabled = 1""", Map.of("vin", vin), (rs, i) -> rs.getBytes(1))
                .stream().findFirst().map(sealed -> open(sealed, "terminal-secret:" + vin));
    }

    private byte[] open(byte[] box, String context) {
        if (box.length < 1 + IV_BYTES + 16 || box[0] != 1) {
            throw new Refused("unreadable-secret");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(masterKey(), "AES"),
                    new GCMParameterSpec(128, Arrays.copyOfRange(box, 1, 1 + IV_BYTES)));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(box, 1 + IV_BYTES, box.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new Refused("unreadable-secret");
        }
    }

    private byte[] masterKey() {
        byte[] k = masterKey;
        if (k == null) {
            if (!properties.masterKey().isBlank()) {
                k = Base64.getDecoder().decode(properties.masterKey().trim());
            } else {
                k = jdbc.query("SELECT value FROM admin_secret WHERE name = :n", Map.of("n", MASTER_KEY_NAME),
                        (rs, i) -> rs.getBytes(1)).stream().findFirst().orElseThrow(() -> new Refused("no-master-key"));
            }
            masterKey = k;
        }
        return k;
    }

    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
