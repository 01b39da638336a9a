package io.gb32960.admin.command;

import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.gb32960.admin.system.Times;
import io.gb32960.platform.common.command.CommandResult;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code command_log}: one row per command sent, updated with its result. */
@Repository
public class CommandLogRepository {

    private static final int MAX_DETAIL = 512;
    private static final RowMapper<CommandLogEntry> ROW = (rs, i) -> new CommandLogEntry(rs.getLong("id"),
            rs.getString("request_id"), rs.getString("vin"), rs.getInt("command"), rs.getString("request"),
            rs.getString("requested_by"), Times.instant(rs, "requested_at"), rs.getString("node"),
            rs.getString("status"), rs.getObject("response_flag", Integer.class), rs.getString("response"),
            Times.instant(rs, "responded_at"), rs.getString("error"));

    /** Filters of the command log; null = any. */
    public record Query(String vin, String status, Instant from, Instant to) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;

    CommandLogRepository(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A row in state SENT; {@code requestId} is replaced by the gateway's id when the result arrives. */
    public long insert(String requestId, String vin, int command, String request, String requestedBy, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO command_log (request_id, vin, command, request, requested_by, requested_at, status)
                VALUES (:requestId, :vin, :command, :request, :by, :at, 'SENT')""", new MapSqlParameterSource()
                .addValue("requestId", requestId).addValue("vin", vin).addValue("command", command)
                .addValue("request", request).addValue("by", requestedBy).addValue("at", Times.toDb(at)),
                key, new String[]{"id"});
        return key.getKeyAs(Number.class).longValue();
    }

    /** Stores the result of the command of row {@code id}. */
    public void complete(long id, CommandResult r) {
        jdbc.update("""
                UPDATE command_log SET request_id = :requestId, node = :node, status = :status, response_flag = :flag,
                       response = :response, responded_at = :at, error = :detail WHERE id = :id""",
                result(r).addValue("id", id));
    }

    /** Stores the result of a queued command (delivered at a later login, or expired), by the gateway's id. */
    public boolean completeQueued(CommandResult r) {
        return jdbc.update("""
                UPDATE command_log SET node = :node, status = :status, response_flag = :flag, response = :response,
                       responded_at = :at, error = :detail WHERE request_id = :requestId""", result(r)) > 0;
    }

    private MapSqlParameterSource result(CommandResult r) {
        String detail = r.detail().length() > MAX_DETAIL ? r.detail().substring(0, MAX_DETAIL) : r.detail();
        return new MapSqlParameterSource().addValue("requestId", r.id())
                .addValue("node", r.node().isEmpty() ? null : r.node()).addValue("status", r.status().name())
                .addValue("flag", r.answer() == null ? null : r.answer().responseFlag())
                .addValue("response", r.answer() == null ? null : json.writeValueAsString(r.answer()))
                .addValue("at", Times.toDb(r.at() == null ? Instant.now() : r.at()))
                .addValue("detail", detail.isEmpty() ? null : detail);
    }

    public Optional<CommandLogEntry> find(long id) {
        return jdbc.query("SELECT * FROM command_log WHERE id = :id", Map.of("id", id), ROW).stream().findFirst();
    }

    public PageResult<CommandLogEntry> page(Query q, Paging paging) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (q.vin() != null && !q.vin().isBlank()) {
            where.add("vin = :vin");
            p.addValue("vin", q.vin().trim().toUpperCase(java.util.Locale.ROOT));
        }
        if (q.status() != null && !q.status().isBlank()) {
            where.add("status = :status");
            p.addValue("status", q.status().trim());
        }
        if (q.from() != null) {
            where.add("requested_at >= :from");
            p.addValue("from", Times.toDb(q.from()));
        }
        if (q.to() != null) {
            where.add("requested_at < :to");
            p.addValue("to", Times.toDb(q.to()));
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM command_log" + filter, p, Long.class);
        p.addValue("limit", paging.size()).addValue("offset", paging.offset());
        return PageResult.of(jdbc.query("SELECT * FROM command_log" + filter
                + " ORDER BY id DESC LIMIT :limit OFFSET :offset", p, ROW), paging, total == null ? 0 : total);
    }
}
