package io.gb32960.ota.rollout;

import io.gb32960.ota.system.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ota_rollout}: every state change is a conditional UPDATE on the state it leaves, so pushes,
 * downloads, checks and the tick can race without moving a vehicle backwards.
 */
@Repository
class RolloutRepository {

    static final RowMapper<Rollout> ROW = (rs, i) -> new Rollout(rs.getLong("campaign_id"), rs.getString("vin"),
            rs.getInt("group_no"), RolloutState.valueOf(rs.getString("state")), rs.getInt("attempts"),
            rs.getString("from_version"), rs.getString("reported_version"), rs.getString("failure_reason"),
            Times.instant(rs, "next_action_at"), Times.instant(rs, "deadline_at"), Times.instant(rs, "notified_at"),
            Times.instant(rs, "download_started_at"), Times.instant(rs, "downloaded_at"),
            Times.instant(rs, "finished_at"), Times.instant(rs, "updated_at"));
    private static final String OPEN = "('PENDING', 'NOTIFIED', 'DOWNLOADING', 'DOWNLOADED')";

    /** A vehicle frozen into a campaign. */
    record Member(String vin, int groupNo, String fromVersion) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    RolloutRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long campaignId, List<Member> members, Instant at) {
        SqlParameterSource[] batch = members.stream().map(m -> new MapSqlParameterSource("c", campaignId)
                .addValue("vin", m.vin()).addValue("g", m.groupNo()).addValue("from", m.fromVersion())
                .addValue("at", Times.toDb(at))).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                INSERT INTO ota_rollout (campaign_id, vin, group_no, state, from_version, updated_at)
                VALUES (:c, :vin, :g, 'PENDING', :from, :at)""", batch);
    }

    Optional<Rollout> find(long campaignId, String vin) {
        return jdbc.query("SELECT * FROM ota_rollout WHERE campaign_id = :c AND vin = :vin",
                Map.of("c", campaignId, "vin", vin), ROW).stream().findFirst();
    }

    /** PENDING vehicles of started groups that are due for a push. */
    List<String> duePending(long campaignId, Instant now, int limit) {
        return jdbc.queryForList("""
                SELECT r.vin FROM ota_rollout r JOIN ota_campaign_group g
                  ON g.campaign_id = r.campaign_id AND g.group_no = r.group_no AND g.status <> 'SCHEDULED'
                WHERE r.campaign_id = :c AND r.state = 'PENDING' AND (r.next_action_at IS NULL OR r.next_action_at <= :now)
                ORDER BY r.group_no, r.vin LIMIT :limit""",
                new MapSqlParameterSource("c", campaignId).addValue("now", Times.toDb(now)).addValue("limit", limit),
                String.class);
    }

    /** Takes a PENDING vehicle for one delivery: counts the attempt, holds it until {@code until}. */
    boolean claim(long campaignId, String vin, Instant now, Instant until) {
        return jdbc.update("""
                UPDATE ota_rollout SET attempts = attempts + 1, next_action_at = :until, updated_at = :now
                WHERE campaign_id = :c AND vin = :vin AND state = 'PENDING'
                  AND (next_action_at IS NULL OR next_action_at <= :now)""", params(campaignId, vin, now)
                .addValue("until", Times.toDb(until))) == 1;
    }

    /**
     * Takes a PENDING vehicle for delivery through its check, also while it is held for being
     * offline (the check comes at power-up, before the login that would have ended the hold).
     */
    boolean claimForCheck(long campaignId, String vin, Instant now) {
        return jdbc.update("""
                UPDATE ota_rollout SET attempts = attempts + 1, next_action_at = NULL, updated_at = :now
                WHERE campaign_id = :c AND vin = :vin AND state = 'PENDING'""", params(campaignId, vin, now)) == 1;
    }

    /** The vehicle was not reachable: not a delivery; try again at {@code next} (or its next login). */
    void unreachable(long campaignId, String vin, Instant now, Instant next) {
        jdbc.update("""
                UPDATE ota_rollout SET attempts = GREATEST(attempts - 1, 0), next_action_at = :next, updated_at = :now
                WHERE campaign_id = :c AND vin = :vin AND state = 'PENDING'""", params(campaignId, vin, now)
                .addValue("next", Times.toDb(next)));
    }

    /** A login: a PENDING vehicle held for being offline is due now. */
    int dueNow(String vin, Instant now) {
        return jdbc.update("""
                UPDATE ota_rollout SET next_action_at = NULL, updated_at = :now
                WHERE vin = :vin AND state = 'PENDING'""", params(0, vin, now));
    }

    boolean notified(long campaignId, String vin, Instant now, Instant deadline) {
        return jdbc.update("""
                UPDATE ota_rollout SET state = 'NOTIFIED', notified_at = :now, deadline_at = :deadline,
                       next_action_at = NULL, updated_at = :now
                WHERE campaign_id = :c AND vin = :vin AND state = 'PENDING'""", params(campaignId, vin, now)
                .addValue("deadline", Times.toDb(deadline))) == 1;
    }

    boolean downloading(long campaignId, String vin, Instant now, Instant deadline) {
        return jdbc.update("""
                UPDATE ota_rollout SET state = 'DOWNLOADING', download_started_at = :now, deadline_at = :deadline,
                       notified_at = COALESCE(notified_at, :now), next_action_at = NULL, updated_at = :now
                WHERE campaign_id = :c AND vin = :vin AND state IN ('PENDING', 'NOTIFIED')""",
                params(campaignId, vin, now).addValue("deadline", Times.toDb(deadline))) == 1;
    }

    boolean downloaded(long campaignId, String vin, Instant now, Instant firstQuery, Instant deadline) {
        return jdbc.update("""
                UPDATE ota_rollout SET state = 'DOWNLOADED', downloaded_at = :now, deadline_at = :deadline,
                       download_started_at = COALESCE(download_started_at, :now),
                       notified_at = COALESCE(notified_at, :now), next_action_at = :query, updated_at = :now
                WHERE campaign_id = :c AND vin = :vin AND state IN ('PENDING', 'NOTIFIED', 'DOWNLOADING')""",
                params(campaignId, vin, now).addValue("deadline", Times.toDb(deadline))
                        .addValue("query", Times.toDb(firstQuery))) == 1;
    }

    /** The terminal reports the target version: success, from any open state. */
    boolean succeeded(long campaignId, String vin, String version, Instant now) {
        return jdbc.update("""
                UPDATE ota_rollout SET state = 'SUCCEEDED', reported_version = :v, finished_at = :now,
                       next_action_at = NULL, deadline_at = NULL, updated_at = :now
                WHERE campaign_id = :c AND vin = :vin AND state IN """ + OPEN, params(campaignId, vin, now)
                .addValue("v", version)) == 1;
    }

    /**
     * A vehicle whose upgrade was given up (FAILED: a deadline passed, retries ran out) now reports
     * the campaign's target version: it did install it, late. Any campaign but a canceled one.
     *
     * @return how many rollouts turned SUCCEEDED
     */
    int lateSuccess(String vin, String version, Instant now) {
        return jdbc.update("""
                UPDATE ota_rollout r JOIN ota_campaign c ON c.id = r.campaign_id JOIN firmware f ON f.id = c.firmware_id
                SET r.state = 'SUCCEEDED', r.reported_version = :v, r.finished_at = :now, r.next_action_at = NULL,
                    r.deadline_at = NULL, r.updated_at = :now
                WHERE r.vin = :vin AND r.state = 'FAILED' AND f.version = :v AND c.status <> 'CANCELED'""",
                new MapSqlParameterSource("vin", vin).addValue("v", version).addValue("now", Times.toDb(now)));
    }

    void reported(long campaignId, String vin, String version, Instant now) {
        jdbc.update("UPDATE ota_rollout SET reported_version = :v, updated_at = :now WHERE campaign_id = :c AND vin = :vin",
                params(campaignId, vin, now).addValue("v", version));
    }

    /**
     * A failed delivery: back to PENDING after {@code retryAt} while retries remain (attempts so far
     * at most {@code maxRetries}), else FAILED.
     */
    boolean failOrRetry(long campaignId, String vin, RolloutState from, String reason, int maxRetries, Instant now,
                        Instant retryAt) {
        return jdbc.update("""
                UPDATE ota_rollout SET failure_reason = :reason, updated_at = :now, deadline_at = NULL,
                       state = CASE WHEN attempts <= :retries THEN 'PENDING' ELSE 'FAILED' END,
                       next_action_at = CASE WHEN attempts <= :retries THEN :retry ELSE NULL END,
                       finished_at = CASE WHEN attempts <= :retries THEN NULL ELSE :now END
                WHERE campaign_id = :c AND vin = :vin AND state = :from""", params(campaignId, vin, now)
                .addValue("reason", reason.length() > 512 ? reason.substring(0, 512) : reason)
                .addValue("retries", maxRetries).addValue("retry", Times.toDb(retryAt))
                .addValue("from", from.name())) == 1;
    }

    /** Open vehicles of a campaign whose current step's deadline has passed. */
    List<Rollout> overdue(long campaignId, Instant now, int limit) {
        return jdbc.query("""
                SELECT * FROM ota_rollout WHERE campaign_id = :c AND state IN ('NOTIFIED', 'DOWNLOADING', 'DOWNLOADED')
                  AND deadline_at <= :now LIMIT :limit""",
                new MapSqlParameterSource("c", campaignId).addValue("now", Times.toDb(now)).addValue("limit", limit),
                ROW);
    }

    /** DOWNLOADED vehicles due for a version query; each is held until {@code until}. */
    List<String> claimVerifications(long campaignId, Instant now, Instant until, int limit) {
        List<String> vins = jdbc.queryForList("""
                SELECT vin FROM ota_rollout WHERE campaign_id = :c AND state = 'DOWNLOADED' AND next_action_at <= :now
                LIMIT :limit""", new MapSqlParameterSource("c", campaignId).addValue("now", Times.toDb(now))
                .addValue("limit", limit), String.class);
        return vins.stream().filter(vin -> jdbc.update("""
                UPDATE ota_rollout SET next_action_at = :until WHERE campaign_id = :c AND vin = :vin
                  AND state = 'DOWNLOADED' AND next_action_at <= :now""", params(campaignId, vin, now)
                .addValue("until", Times.toDb(until))) == 1).toList();
    }

    /** A login of a vehicle that has downloaded: query its version at once. */
    void verifyNow(String vin, Instant now) {
        jdbc.update("""
                UPDATE ota_rollout SET next_action_at = :now WHERE vin = :vin AND state = 'DOWNLOADED'""",
                params(0, vin, now));
    }

    int cancelOpen(long campaignId, Instant now) {
        return jdbc.update("""
                UPDATE ota_rollout SET state = 'CANCELED', finished_at = :now, next_action_at = NULL, updated_at = :now
                WHERE campaign_id = :c AND state IN """ + OPEN, params(campaignId, "", now));
    }

    int open(long campaignId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ota_rollout WHERE campaign_id = :c AND state IN " + OPEN,
                Map.of("c", campaignId), Integer.class);
        return n == null ? 0 : n;
    }

    /** The open rollouts of a vehicle in campaigns that still follow their vehicles. */
    record Open(long campaignId, CampaignStatus status, int groupNo, boolean groupStarted, RolloutState state,
                long firmwareId, String version, String hardwareVersion, long size, String md5, String sha256,
                int maxRetries, int attempts) {
    }

    List<Open> openOf(String vin) {
        return jdbc.query("""
                SELECT r.campaign_id, c.status, r.group_no, g.status AS group_status, r.state, f.id AS fw_id, f.version,
                       f.hardware_version, f.size_bytes, f.md5, f.sha256, c.max_retries, r.attempts
                FROM ota_rollout r JOIN ota_campaign c ON c.id = r.campaign_id JOIN firmware f ON f.id = c.firmware_id
                JOIN ota_campaign_group g ON g.campaign_id = r.campaign_id AND g.group_no = r.group_no
                WHERE r.vin = :vin AND r.state IN """ + OPEN + """
                 AND c.status IN ('RUNNING', 'WAITING', 'PAUSED') ORDER BY r.campaign_id""",
                Map.of("vin", vin), (rs, i) -> new Open(rs.getLong("campaign_id"),
                        CampaignStatus.valueOf(rs.getString("status")), rs.getInt("group_no"),
                        !"SCHEDULED".equals(rs.getString("group_status")), RolloutState.valueOf(rs.getString("state")),
                        rs.getLong("fw_id"), rs.getString("version"), rs.getString("hardware_version"),
                        rs.getLong("size_bytes"), rs.getString("md5"), rs.getString("sha256"),
                        rs.getInt("max_retries"), rs.getInt("attempts")));
    }

    /** A campaign's vehicles, optionally of one state, for the dashboard (at most {@code limit}). */
    List<Rollout> list(long campaignId, RolloutState state, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource("c", campaignId).addValue("limit", limit);
        String where = "";
        if (state != null) {
            where = " AND state = :state";
            p.addValue("state", state.name());
        }
        return jdbc.query("SELECT * FROM ota_rollout WHERE campaign_id = :c" + where
                + " ORDER BY updated_at DESC, vin LIMIT :limit", p, ROW);
    }

    /** Rollouts of vehicles of firmware of one supplier (null = all), newest first. */
    record SupplierRow(long campaignId, String campaignName, String firmwareVersion, String terminalModel,
                       String vin, RolloutState state, String reportedVersion, String failureReason,
                       Instant updatedAt) {
    }

    List<SupplierRow> bySupplier(Long supplierId, String vin, RolloutState state, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource("limit", limit);
        StringBuilder sql = new StringBuilder("""
                SELECT r.*, c.name AS campaign_name, f.version, f.terminal_model FROM ota_rollout r
                JOIN ota_campaign c ON c.id = r.campaign_id JOIN firmware f ON f.id = c.firmware_id WHERE 1 = 1""");
        if (supplierId != null) {
            sql.append(" AND f.supplier_id = :s");
            p.addValue("s", supplierId);
        }
        if (vin != null && !vin.isBlank()) {
            sql.append(" AND r.vin = :vin");
            p.addValue("vin", vin.trim());
        }
        if (state != null) {
            sql.append(" AND r.state = :state");
            p.addValue("state", state.name());
        }
        sql.append(" ORDER BY r.updated_at DESC LIMIT :limit");
        return jdbc.query(sql.toString(), p, (rs, i) -> new SupplierRow(rs.getLong("campaign_id"),
                rs.getString("campaign_name"), rs.getString("version"), rs.getString("terminal_model"),
                rs.getString("vin"), RolloutState.valueOf(rs.getString("state")), rs.getString("reported_version"),
                rs.getString("failure_reason"), Times.instant(rs, "updated_at")));
    }

    /** Keeps the vehicle table's reported versions current (what the terminal said last). */
    void vehicleReported(String vin, String hardware, String firmware) {
        jdbc.update("""
                UPDATE vehicle SET firmware_version = COALESCE(:fw, firmware_version),
                                   hardware_version = COALESCE(:hw, hardware_version) WHERE vin = :vin""",
                new MapSqlParameterSource("vin", vin).addValue("fw", firmware).addValue("hw", hardware));
    }

    private static MapSqlParameterSource params(long campaignId, String vin, Instant now) {
        return new MapSqlParameterSource("c", campaignId).addValue("vin", vin).addValue("now", Times.toDb(now));
    }
}
