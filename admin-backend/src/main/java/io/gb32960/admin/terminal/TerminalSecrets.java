package io.gb32960.admin.terminal;

import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.system.Actor;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.Times;
import io.gb32960.admin.vehicle.VehicleRepository;
import io.gb32960.admin.vehicle.Vin;
import io.gb32960.web.terminal.SecretBox;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The secret of each vehicle's terminal (256 random bits): it signs the terminal's configuration
 * requests and its configuration's credentials are encrypted under a key derived from it. Made by
 * an administrator, shown once (hex), stored sealed ({@link SecretBox}).
 */
@Service
public class TerminalSecrets {

    private final NamedParameterJdbcTemplate jdbc;
    private final SecretBox box;
    private final VehicleRepository vehicles;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TerminalSecrets(NamedParameterJdbcTemplate jdbc, SecretBox box, VehicleRepository vehicles, AuditLog audit,
                    Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.vehicles = vehicles;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new secret: shown once. */
    public record NewSecret(String vin, String secretHex, Instant createdAt) {
    }

    /** Creates or replaces the secret of a vehicle's terminal; the old one stops working at once. */
    @Transactional
    public NewSecret rotate(String vin) {
        String key = Vin.normalize(vin);
        if (!vehicles.exists(key)) {
            throw AdminException.notFound("vehicle " + vin);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        Instant now = clock.instant();
        Actor actor = Actor.current();
        jdbc.update("""
                INSERT INTO terminal_secret (vin, secret_enc, created_by, created_at) VALUES (:vin, :enc, :by, :at)
                ON DUPLICATE KEY UPDATE secret_enc = VALUES(secret_enc), created_by = VALUES(created_by),
                                        created_at = VALUES(created_at)""",
                new MapSqlParameterSource("vin", key).addValue("enc", box.seal(secret, context(key)))
                        .addValue("by", actor.name()).addValue("at", Times.toDb(now)));
        audit.record(actor, "TERMINAL_SECRET_ROTATE", "vehicle", key, Map.of());
        return new NewSecret(key, HexFormat.of().formatHex(secret), now);
    }

    /** When the vehicle's secret was made, if it has one. */
    public Optional<Instant> createdAt(String vin) {
        return jdbc.query("SELECT created_at FROM terminal_secret WHERE vin = :vin", Map.of("vin", vin),
                (rs, i) -> Times.instant(rs, "created_at")).stream().findFirst();
    }

    /** The vehicle's secret, if it has one. */
    public Optional<byte[]> secret(String vin) {
        return jdbc.query("SELECT secret_enc FROM terminal_secret WHERE vin = :vin", Map.of("vin", vin),
                (rs, i) -> rs.getBytes("secret_enc")).stream().findFirst().map(enc -> box.open(enc, context(vin)));
    }

    private static String context(String vin) {
        return "terminal-secret:" + vin;
    }
}
