package io.gb32960.ota.terminal;

import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.web.terminal.SecretBox;
import io.gb32960.web.terminal.TerminalRequestVerifier;
import io.gb32960.web.terminal.TerminalRequestVerifier.Refused;
import org.redisson.api.RedissonClient;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a terminal's signed version check exactly as the admin backend's terminal-configuration
 * endpoint does ({@link TerminalRequestVerifier}), with the admin backend's terminal secrets: read
 * from {@code terminal_secret} and opened with its master key ({@link SecretBox}, AAD
 * {@code terminal-secret:VIN}). A secret that does not open refuses the terminal like a wrong
 * signature.
 */
@Component
public class TerminalAuth {

    public static final String TIMESTAMP = TerminalRequestVerifier.TIMESTAMP;
    public static final String SIGNATURE = TerminalRequestVerifier.SIGNATURE;
    private static final String MASTER_KEY_NAME = "master-key";

    private final NamedParameterJdbcTemplate jdbc;
    private final TerminalAuthProperties properties;
    private final SecretBox box;
    private final TerminalRequestVerifier verifier;

    TerminalAuth(NamedParameterJdbcTemplate jdbc, RedissonClient redis, TerminalAuthProperties properties,
                 Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.box = new SecretBox(this::masterKey);
        this.verifier = new TerminalRequestVerifier(this::secret, redis, RedisKeys.PREFIX + "ota:check-seen:",
                properties.clockSkew(), clock);
    }

    /** Returns normally when the request is signed by {@code vin}'s terminal; throws {@link Refused} otherwise. */
    public void verify(String vin, String timestamp, String signature) {
        verifier.verify(vin, timestamp, signature);
    }

    /** The secret of an enabled vehicle's terminal, if it has one. */
    private Optional<byte[]> secret(String vin) {
        return jdbc.query("""
                SELECT s.secret_enc FROM terminal_secret s JOIN vehicle v ON v.vin = s.vin
                WHERE s.vin = :vin AND v.enabled = 1""", Map.of("vin", vin), (rs, i) -> rs.getBytes(1))
                .stream().findFirst().map(sealed -> open(sealed, "terminal-secret:" + vin));
    }

    private byte[] open(byte[] sealed, String context) {
        try {
            return box.open(sealed, context);
        } catch (IllegalArgumentException e) {
            throw new Refused("unreadable-secret");
        }
    }

    /** The admin backend's master key: configured here too, or the one it generated and keeps in {@code admin_secret}. */
    private byte[] masterKey() {
        if (!properties.masterKey().isBlank()) {
            return Base64.getDecoder().decode(properties.masterKey().trim());
        }
        return jdbc.query("SELECT value FROM admin_secret WHERE name = :n", Map.of("n", MASTER_KEY_NAME),
                (rs, i) -> rs.getBytes(1)).stream().findFirst().orElseThrow(() -> new Refused("no-master-key"));
    }
}
