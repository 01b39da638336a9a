package io.gb32960.web.audit;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Writes the platform's one audit trail ({@code audit_log}, V2): every change made through a web
 * service (admin backend, OTA service) and every command sent: who, what, when, from where.
 * Written in the caller's transaction, so a change and its entry commit together. Details are
 * JSON and never hold a secret.
 */
public final class AuditTrail {

    private static final int MAX_TARGET = 128;

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public AuditTrail(NamedParameterJdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param actor      a user name, {@code token:NAME} for an API client, {@code terminal:VIN} or {@code system}
     * @param remoteAddr the client's address, or null
     */
    public void record(String actor, String remoteAddr, String action, String targetType, String target,
                       Map<String, ?> detail) {
        String t = target == null || target.length() <= MAX_TARGET ? target : target.substring(0, MAX_TARGET);
        jdbc.update("""
                INSERT INTO audit_log (at, actor, action, target_type, target, detail, remote_addr)
                VALUES (:at, :actor, :action, :targetType, :target, :detail, :remote)""", new MapSqlParameterSource()
                .addValue("at", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .addValue("actor", actor)
                .addValue("action", action)
                .addValue("targetType", targetType)
                .addValue("target", t)
                .addValue("detail", detail == null || detail.isEmpty() ? null : json.writeValueAsString(detail))
                .addValue("remote", remoteAddr));
    }
}
