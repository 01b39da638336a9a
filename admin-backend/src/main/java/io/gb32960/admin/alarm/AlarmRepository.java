package io.gb32960.admin.alarm;

import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.gb32960.admin.system.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code alarm_event} with {@code alarm_ack}. */
@Repository
public class AlarmRepository {

    private static final String SELECT = """
            SELECT a.*, k.acknowledged_by, k.acknowledged_at, k.comment
            FROM alarm_event a LEFT JOIN alarm_ack k
              ON k.vin = a.vin AND k.collected_at = a.collected_at AND k.command = a.command""";
    private static final RowMapper<Alarm> ROW = (rs, i) -> new Alarm(rs.getString("vin"),
            Times.instant(rs, "collected_at"), rs.getInt("command"), Times.instant(rs, "received_at"),
            rs.getString("node"), rs.getInt("edition"), rs.getObject("max_level", Integer.class),
            rs.getLong("flag_bits"), flags(rs.getString("flags")), rs.getString("fault_codes"),
            rs.getString("flag_levels"), rs.getString("acknowledged_by"), Times.instant(rs, "acknowledged_at"),
            rs.getString("comment"));

    private final NamedParameterJdbcTemplate jdbc;

    AlarmRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first. */
    public PageResult<Alarm> page(AlarmQuery q, Paging paging) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(q, p);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM alarm_event a LEFT JOIN alarm_ack k ON k.vin = a.vin"
                + " AND k.collected_at = a.collected_at AND k.command = a.command" + where, p, Long.class);
        p.addValue("limit", paging.size()).addValue("offset", paging.offset());
        return PageResult.of(jdbc.query(SELECT + where + " ORDER BY a.collected_at DESC, a.vin LIMIT :limit OFFSET :offset",
                p, ROW), paging, total == null ? 0 : total);
    }

    /** The newest {@code limit} alarms of a query, without counting them all (the dashboard). */
    public List<Alarm> newest(AlarmQuery q, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource("limit", limit);
        // no tie-break on the VIN: the (collected_at, max_level) index gives this order, read backwards
        return jdbc.query(SELECT + where(q, p) + " ORDER BY a.collected_at DESC LIMIT :limit", p, ROW);
    }

    private static String where(AlarmQuery q, MapSqlParameterSource p) {
        List<String> w = new ArrayList<>();
        if (q.vin() != null && !q.vin().isBlank()) {
            w.add("a.vin = :vin");
            p.addValue("vin", q.vin().trim().toUpperCase(Locale.ROOT));
        }
        if (q.minLevel() != null) {
            w.add("a.max_level >= :level");
            p.addValue("level", q.minLevel());
        }
        if (q.from() != null) {
            w.add("a.collected_at >= :from");
            p.addValue("from", Times.toDb(q.from()));
        }
        if (q.to() != null) {
            w.add("a.collected_at < :to");
            p.addValue("to", Times.toDb(q.to()));
        }
        if (q.acknowledged() != null) {
            w.add(q.acknowledged() ? "k.vin IS NOT NULL" : "k.vin IS NULL");
        }
        if (q.flag() != null && !q.flag().isBlank()) {
            // flags is a comma-separated list of names
            w.add("FIND_IN_SET(:flag, a.flags) > 0");
            p.addValue("flag", q.flag().trim());
        }
        return w.isEmpty() ? "" : " WHERE " + String.join(" AND ", w);
    }

    public Optional<Alarm> find(String vin, Instant collectedAt, int command) {
        return jdbc.query(SELECT + " WHERE a.vin = :vin AND a.collected_at = :at AND a.command = :command",
                new MapSqlParameterSource("vin", vin).addValue("at", Times.toDb(collectedAt))
                        .addValue("command", command), ROW).stream().findFirst();
    }

    /** true when acknowledged now, false when it was already. */
    public boolean acknowledge(String vin, Instant collectedAt, int command, String by, Instant at, String comment) {
        return jdbc.update("""
                INSERT IGNORE INTO alarm_ack (vin, collected_at, command, acknowledged_by, acknowledged_at, comment)
                VALUES (:vin, :collectedAt, :command, :by, :at, :comment)""", new MapSqlParameterSource("vin", vin)
                .addValue("collectedAt", Times.toDb(collectedAt)).addValue("command", command).addValue("by", by)
                .addValue("at", Times.toDb(at)).addValue("comment", comment)) > 0;
    }

    public long countSince(Instant since, Integer minLevel) {
        MapSqlParameterSource p = new MapSqlParameterSource("since", Times.toDb(since));
        String level = "";
        if (minLevel != null) {
            level = " AND max_level >= :level";
            p.addValue("level", minLevel);
        }
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM alarm_event WHERE collected_at >= :since" + level, p,
                Long.class);
        return n == null ? 0 : n;
    }

    private static List<String> flags(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
    }
}
