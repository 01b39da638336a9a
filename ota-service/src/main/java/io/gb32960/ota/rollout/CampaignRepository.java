package io.gb32960.ota.rollout;

import io.gb32960.ota.system.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code ota_campaign}, its groups and its timeline. */
@Repository
class CampaignRepository {

    private static final String SELECT = """
            SELECT c.*, f.version AS fw_version, f.hardware_version AS fw_hardware, f.terminal_model AS fw_model,
                   f.supplier_id AS fw_supplier
            FROM ota_campaign c JOIN firmware f ON f.id = c.firmware_id""";
    private static final RowMapper<Campaign> ROW = (rs, i) -> new Campaign(rs.getLong("id"), rs.getString("name"),
            rs.getLong("firmware_id"), rs.getString("fw_version"), rs.getString("fw_hardware"),
            rs.getString("fw_model"), rs.getLong("fw_supplier"), CampaignStatus.valueOf(rs.getString("status")),
            rs.getString("target"), rs.getInt("max_retries"), Times.instant(rs, "scheduled_at"),
            Times.instant(rs, "started_at"), Times.instant(rs, "finished_at"), rs.getString("pause_reason"),
            rs.getString("created_by"), Times.instant(rs, "created_at"));
    private static final RowMapper<CampaignGroup> GROUP = (rs, i) -> new CampaignGroup(rs.getLong("campaign_id"),
            rs.getInt("group_no"), rs.getInt("size"), (Integer) rs.getObject("target_percent", Integer.class),
            rs.getInt("success_threshold"), SuccessAction.valueOf(rs.getString("success_action")),
            rs.getInt("error_threshold"), rs.getInt("error_min_sample"), rs.getInt("error_baseline_failed"),
            rs.getInt("error_baseline_finished"), CampaignGroup.GroupStatus.valueOf(rs.getString("status")),
            Times.instant(rs, "started_at"), Times.instant(rs, "finished_at"));

    /** A campaign event for the timeline. */
    record Event(Instant at, String actor, String event, String detail) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    CampaignRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, long firmwareId, String definition, int maxRetries, Instant scheduledAt, String by,
                Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO ota_campaign (name, firmware_id, status, target, max_retries, scheduled_at, created_by,
                                          created_at)
                VALUES (:name, :fw, 'DRAFT', :target, :retries, :scheduled, :by, :at)""",
                new MapSqlParameterSource("name", name).addValue("fw", firmwareId).addValue("target", definition)
                        .addValue("retries", maxRetries).addValue("scheduled", Times.toDb(scheduledAt))
                        .addValue("by", by).addValue("at", Times.toDb(at)), key, new String[]{"id"});
        return key.getKey().longValue();
    }

    void insertGroup(long campaignId, int groupNo, Integer percent, CampaignForm.GroupForm g) {
        jdbc.update("""
                INSERT INTO ota_campaign_group (campaign_id, group_no, size, target_percent, success_threshold,
                                                success_action, error_threshold, error_min_sample, status)
                VALUES (:c, :no, 0, :pct, :succ, :action, :err, :sample, 'SCHEDULED')""",
                new MapSqlParameterSource("c", campaignId).addValue("no", groupNo).addValue("pct", percent)
                        .addValue("succ", g.successThreshold()).addValue("action", g.successAction().name())
                        .addValue("err", g.errorThreshold()).addValue("sample", g.errorMinSample()));
    }

    Optional<Campaign> find(long id) {
        return jdbc.query(SELECT + " WHERE c.id = :id", Map.of("id", id), ROW).stream().findFirst();
    }

    /** Newest first; {@code statuses} empty = all. */
    List<Campaign> list(Collection<CampaignStatus> statuses) {
        if (statuses.isEmpty()) {
            return jdbc.query(SELECT + " ORDER BY c.id DESC LIMIT 500", Map.of(), ROW);
        }
        return jdbc.query(SELECT + " WHERE c.status IN (:s) ORDER BY c.id",
                Map.of("s", statuses.stream().map(Enum::name).toList()), ROW);
    }

    List<CampaignGroup> groups(long campaignId) {
        return jdbc.query("SELECT * FROM ota_campaign_group WHERE campaign_id = :c ORDER BY group_no",
                Map.of("c", campaignId), GROUP);
    }

    /** Moves the campaign from one of {@code from} to {@code to}; false when it was in none of them. */
    boolean transition(long id, Collection<CampaignStatus> from, CampaignStatus to, String pauseReason, Instant at) {
        return jdbc.update("""
                UPDATE ota_campaign SET status = :to, pause_reason = :reason,
                       started_at = CASE WHEN :to = 'RUNNING' AND started_at IS NULL THEN :at ELSE started_at END,
                       finished_at = CASE WHEN :to IN ('FINISHED', 'CANCELED') THEN :at ELSE finished_at END
                WHERE id = :id AND status IN (:from)""", new MapSqlParameterSource("id", id)
                .addValue("from", from.stream().map(Enum::name).toList()).addValue("to", to.name())
                .addValue("reason", pauseReason).addValue("at", Times.toDb(at))) == 1;
    }

    void setGroupSize(long campaignId, int groupNo, int size) {
        jdbc.update("UPDATE ota_campaign_group SET size = :size WHERE campaign_id = :c AND group_no = :no",
                Map.of("c", campaignId, "no", groupNo, "size", size));
    }

    boolean startGroup(long campaignId, int groupNo, Instant at) {
        return jdbc.update("""
                UPDATE ota_campaign_group SET status = 'RUNNING', started_at = :at
                WHERE campaign_id = :c AND group_no = :no AND status = 'SCHEDULED'""",
                new MapSqlParameterSource("c", campaignId).addValue("no", groupNo).addValue("at", Times.toDb(at))) == 1;
    }

    boolean finishGroup(long campaignId, int groupNo, Instant at) {
        return jdbc.update("""
                UPDATE ota_campaign_group SET status = 'FINISHED', finished_at = :at
                WHERE campaign_id = :c AND group_no = :no AND status = 'RUNNING'""",
                new MapSqlParameterSource("c", campaignId).addValue("no", groupNo).addValue("at", Times.toDb(at))) == 1;
    }

    /** A resume acknowledges the failures so far: the error threshold applies to what happens after. */
    void acknowledgeFailures(long campaignId, int groupNo, int failed, int finished) {
        jdbc.update("""
                UPDATE ota_campaign_group SET error_baseline_failed = :f, error_baseline_finished = :n
                WHERE campaign_id = :c AND group_no = :no""",
                Map.of("c", campaignId, "no", groupNo, "f", failed, "n", finished));
    }

    void event(long campaignId, String actor, String event, String detail, Instant at) {
        jdbc.update("""
                INSERT INTO ota_campaign_event (campaign_id, at, actor, event, detail)
                VALUES (:c, :at, :actor, :event, :detail)""", new MapSqlParameterSource("c", campaignId)
                .addValue("at", Times.toDb(at)).addValue("actor", actor).addValue("event", event)
                .addValue("detail", detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000)));
    }

    List<Event> events(long campaignId) {
        return jdbc.query("SELECT * FROM ota_campaign_event WHERE campaign_id = :c ORDER BY id",
                Map.of("c", campaignId), (rs, i) -> new Event(Times.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("event"), rs.getString("detail")));
    }

    /** Vehicles per group and state. */
    Map<Integer, Map<RolloutState, Integer>> counts(long campaignId) {
        Map<Integer, Map<RolloutState, Integer>> counts = new TreeMap<>();
        jdbc.query("""
                SELECT group_no, state, COUNT(*) AS n FROM ota_rollout WHERE campaign_id = :c
                GROUP BY group_no, state""", Map.of("c", campaignId), rs -> {
            counts.computeIfAbsent(rs.getInt("group_no"), k -> new EnumMap<>(RolloutState.class))
                    .put(RolloutState.valueOf(rs.getString("state")), rs.getInt("n"));
        });
        return counts;
    }

    /** Failure reasons of the campaign's failed vehicles, most frequent first. */
    Map<String, Integer> failureReasons(long campaignId) {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        jdbc.query("""
                SELECT COALESCE(failure_reason, '?') AS reason, COUNT(*) AS n FROM ota_rollout
                WHERE campaign_id = :c AND state = 'FAILED' GROUP BY reason ORDER BY n DESC LIMIT 50""",
                Map.of("c", campaignId), rs -> {
                    reasons.put(rs.getString("reason"), rs.getInt("n"));
                });
        return reasons;
    }
}
