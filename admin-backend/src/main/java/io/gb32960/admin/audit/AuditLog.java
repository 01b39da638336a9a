package io.gb32960.admin.audit;

import io.gb32960.admin.system.Actor;
import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.gb32960.admin.system.Times;
import io.gb32960.web.audit.AuditTrail;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audit log ({@code audit_log}): every change made through the admin backend and every command
 * sent. Written in the transaction of the change, so a change and its entry commit together.
 * Details are JSON and never hold a secret.
 */
@Repository
public class AuditLog {

    private static final RowMapper<AuditEntry> ROW = (rs, i) -> new AuditEntry(rs.getLong("id"),
            Times.instant(rs, "at"), rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
            rs.getString("target"), rs.getString("detail"), rs.getString("remote_addr"));

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail trail;

    AuditLog(NamedParameterJdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.trail = new AuditTrail(jdbc, json, clock);
    }

    /** Records what the current user (or API client) did. */
    public void record(String action, String targetType, String target, Map<String, ?> detail) {
        record(Actor.current(), action, targetType, target, detail);
    }

    public void record(Actor actor, String action, String targetType, String target, Map<String, ?> detail) {
        trail.record(actor.name(), actor.remoteAddr(), action, targetType, target, detail);
    }

    /** Newest first. */
    public PageResult<AuditEntry> search(AuditQuery q, Paging paging) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (q.actor() != null && !q.actor().isBlank()) {
            where.add("actor = :actor");
            p.addValue("actor", q.actor().trim());
        }
        if (q.action() != null && !q.action().isBlank()) {
            where.add("action = :action");
            p.addValue("action", q.action().trim());
        }
        if (q.targetType() != null && !q.targetType().isBlank()) {
            where.add("target_type = :targetType");
            p.addValue("targetType", q.targetType().trim());
        }
        if (q.target() != null && !q.target().isBlank()) {
            where.add("target = :target");
            p.addValue("target", q.target().trim());
        }
        if (q.from() != null) {
            where.add("at >= :from");
            p.addValue("from", Times.toDb(q.from()));
        }
        if (q.to() != null) {
            where.add("at < :to");
            p.addValue("to", Times.toDb(q.to()));
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log" + filter, p, Long.class);
        p.addValue("limit", paging.size()).addValue("offset", paging.offset());
        List<AuditEntry> rows = jdbc.query("SELECT * FROM audit_log" + filter
                + " ORDER BY id DESC LIMIT :limit OFFSET :offset", p, ROW);
        return PageResult.of(rows, paging, total == null ? 0 : total);
    }
}
