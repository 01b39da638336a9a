package io.gb32960.admin.command;

import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.gb32960.admin.system.Times;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code command_batch} and {@code command_batch_item}. */
@Repository
class BatchRepository {

    private static final int MAX_DETAIL = 512;
    private static final RowMapper<BatchItem> ITEM = (rs, i) -> {
        String id = rs.getString("request_id");
        return new BatchItem(rs.getLong("batch_id"), rs.getString("vin"), rs.getString("status"),
                id == null ? null : Long.valueOf(id), rs.getString("detail"), Times.instant(rs, "finished_at"));
    };

    private final NamedParameterJdbcTemplate jdbc;

    BatchRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String command, String filter, int total, int rate, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO command_batch (command, vehicle_filter, status, total, rate_per_s, created_by, created_at)
                VALUES (:command, :filter, 'RUNNING', :total, :rate, :by, :at)""", new MapSqlParameterSource()
                .addValue("command", command).addValue("filter", filter).addValue("total", total)
                .addValue("rate", rate).addValue("by", by).addValue("at", Times.toDb(at)), key, new String[]{"id"});
        return key.getKeyAs(Number.class).longValue();
    }

    void insertItems(long batchId, List<String> vins) {
        for (int from = 0; from < vins.size(); from += 1000) {
            List<String> chunk = vins.subList(from, Math.min(vins.size(), from + 1000));
            SqlParameterSource[] rows = chunk.stream().map(v -> new MapSqlParameterSource("batch", batchId)
                    .addValue("vin", v)).toArray(SqlParameterSource[]::new);
            jdbc.batchUpdate("INSERT INTO command_batch_item (batch_id, vin, status) VALUES (:batch, :vin, 'PENDING')",
                    rows);
        }
    }

    List<String> pending(long batchId, int limit) {
        return jdbc.queryForList("SELECT vin FROM command_batch_item WHERE batch_id = :b AND status = 'PENDING'"
                + " ORDER BY vin LIMIT :n", new MapSqlParameterSource("b", batchId).addValue("n", limit), String.class);
    }

    void sent(long batchId, String vin, long commandLogId) {
        // only while still pending: the result may have been stored first
        jdbc.update("UPDATE command_batch_item SET status = 'SENT', request_id = :id WHERE batch_id = :b AND vin = :vin"
                        + " AND status = 'PENDING'",
                new MapSqlParameterSource("b", batchId).addValue("vin", vin).addValue("id", Long.toString(commandLogId)));
    }

    void finished(long batchId, String vin, String status, Long commandLogId, String detail, Instant at) {
        String d = detail == null || detail.isEmpty() ? null
                : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        jdbc.update("UPDATE command_batch_item SET status = :status, detail = :detail, finished_at = :at,"
                        + " request_id = COALESCE(:id, request_id) WHERE batch_id = :b AND vin = :vin",
                new MapSqlParameterSource("b", batchId).addValue("vin", vin).addValue("status", status)
                        .addValue("id", commandLogId == null ? null : Long.toString(commandLogId))
                        .addValue("detail", d).addValue("at", Times.toDb(at)));
    }

    /**
     * A queued command's late result (delivered at the vehicle's next login, or expired) for the batch
     * item that is still QUEUED with it: the item holds the command log's id, the log the gateway's id.
     */
    int completeQueued(String gatewayRequestId, String status, String detail, Instant at) {
        String d = detail == null || detail.isEmpty() ? null
                : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        return jdbc.update("UPDATE command_batch_item i JOIN command_log l ON i.request_id = CAST(l.id AS CHAR)"
                        + " SET i.status = :status, i.detail = :detail, i.finished_at = :at"
                        + " WHERE l.request_id = :requestId AND i.status = 'QUEUED'",
                new MapSqlParameterSource("requestId", gatewayRequestId).addValue("status", status)
                        .addValue("detail", d).addValue("at", Times.toDb(at)));
    }

    /** Items still PENDING become {@code status} (a cancelled batch). */
    int closePending(long batchId, String status, Instant at) {
        return jdbc.update("UPDATE command_batch_item SET status = :status, finished_at = :at"
                + " WHERE batch_id = :b AND status = 'PENDING'", new MapSqlParameterSource("b", batchId)
                .addValue("status", status).addValue("at", Times.toDb(at)));
    }

    /** Items SENT by an instance that stopped: their results are lost. */
    int interruptSent(long batchId, Instant at) {
        return jdbc.update("UPDATE command_batch_item SET status = 'INTERRUPTED', detail = 'the admin backend stopped"
                + " while waiting for the answer', finished_at = :at WHERE batch_id = :b AND status = 'SENT'",
                new MapSqlParameterSource("b", batchId).addValue("at", Times.toDb(at)));
    }

    String status(long batchId) {
        return jdbc.queryForObject("SELECT status FROM command_batch WHERE id = :b", Map.of("b", batchId), String.class);
    }

    boolean setStatus(long batchId, String from, String to, Instant finishedAt) {
        return jdbc.update("UPDATE command_batch SET status = :to, finished_at = :at WHERE id = :b AND status = :from",
                new MapSqlParameterSource("b", batchId).addValue("from", from).addValue("to", to)
                        .addValue("at", Times.toDb(finishedAt))) > 0;
    }

    List<Long> running() {
        return jdbc.queryForList("SELECT id FROM command_batch WHERE status = 'RUNNING' ORDER BY id", Map.of(),
                Long.class);
    }

    Optional<BatchView> find(long id) {
        return jdbc.query("SELECT * FROM command_batch WHERE id = :id", Map.of("id", id), (rs, i) -> new BatchView(
                rs.getLong("id"), rs.getString("command"), rs.getString("vehicle_filter"), rs.getString("status"),
                rs.getInt("total"), rs.getInt("rate_per_s"), rs.getString("created_by"), Times.instant(rs, "created_at"),
                Times.instant(rs, "finished_at"), Map.of())).stream().findFirst()
                .map(b -> new BatchView(b.id(), b.command(), b.filter(), b.status(), b.total(), b.ratePerSecond(),
                        b.createdBy(), b.createdAt(), b.finishedAt(), counts(id)));
    }

    Map<String, Long> counts(long batchId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT status, COUNT(*) AS n FROM command_batch_item WHERE batch_id = :b GROUP BY status"
                        + " ORDER BY status", Map.of("b", batchId),
                (RowCallbackHandler) rs -> counts.put(rs.getString("status"), rs.getLong("n")));
        return counts;
    }

    PageResult<BatchView> page(Paging paging) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM command_batch", Map.of(), Long.class);
        List<Long> ids = jdbc.queryForList("SELECT id FROM command_batch ORDER BY id DESC LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("limit", paging.size()).addValue("offset", paging.offset()), Long.class);
        List<BatchView> views = new ArrayList<>();
        ids.forEach(id -> find(id).ifPresent(views::add));
        return PageResult.of(views, paging, total == null ? 0 : total);
    }

    PageResult<BatchItem> items(long batchId, String status, Paging paging) {
        MapSqlParameterSource p = new MapSqlParameterSource("b", batchId);
        String where = " WHERE batch_id = :b";
        if (status != null && !status.isBlank()) {
            where += " AND status = :status";
            p.addValue("status", status.trim());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM command_batch_item" + where, p, Long.class);
        p.addValue("limit", paging.size()).addValue("offset", paging.offset());
        return PageResult.of(jdbc.query("SELECT * FROM command_batch_item" + where
                + " ORDER BY vin LIMIT :limit OFFSET :offset", p, ITEM), paging, total == null ? 0 : total);
    }
}
