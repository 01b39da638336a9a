package io.gb32960.admin.live;

import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.gb32960.admin.system.Times;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the consumers store about vehicles: latest state, telemetry, connection life. */
@Repository
public class LiveRepository {

    private static final RowMapper<LatestState> STATE = (rs, i) -> new LatestState(rs.getString("vin"),
            Times.instant(rs, "collected_at"), rs.getInt("command"), Times.instant(rs, "received_at"),
            rs.getString("node"), rs.getInt("edition"), rs.getObject("vehicle_state", Integer.class),
            rs.getObject("charging_state", Integer.class), rs.getBigDecimal("speed_kmh"),
            rs.getObject("soc", Integer.class), rs.getBigDecimal("odometer_km"), rs.getBigDecimal("voltage_v"),
            rs.getBigDecimal("current_a"), rs.getBigDecimal("longitude"), rs.getBigDecimal("latitude"),
            rs.getObject("alarm_level", Integer.class));
    private static final RowMapper<OnlineEvent> EVENT = (rs, i) -> new OnlineEvent(rs.getString("vin"),
            Times.instant(rs, "event_at"), rs.getString("event"), rs.getString("reason"), rs.getString("node"),
            rs.getString("remote"));

    private final NamedParameterJdbcTemplate jdbc;

    LiveRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LatestState> latest(String vin) {
        return jdbc.query("SELECT * FROM vehicle_latest_state WHERE vin = :vin", Map.of("vin", vin), STATE).stream()
                .findFirst();
    }

    /** The newest frame (raw bytes, plaintext as stored) with its collection time and command. */
    public record RawFrame(Instant collectedAt, int command, byte[] frame) {
    }

    public Optional<RawFrame> lastFrame(String vin) {
        return jdbc.query("SELECT collected_at, command, frame FROM telemetry WHERE vin = :vin"
                        + " ORDER BY collected_at DESC, command DESC LIMIT 1", Map.of("vin", vin),
                (rs, i) -> new RawFrame(Times.instant(rs, "collected_at"), rs.getInt("command"), rs.getBytes("frame")))
                .stream().findFirst();
    }

    /** Frames of {@code [from, to)}, every {@code stride}-th kept so that at most {@code max} points come back. */
    public Track track(String vin, Instant from, Instant to, int max) {
        MapSqlParameterSource p = new MapSqlParameterSource("vin", vin).addValue("from", Times.toDb(from))
                .addValue("to", Times.toDb(to));
        String where = " FROM telemetry WHERE vin = :vin AND collected_at >= :from AND collected_at < :to";
        Long n = jdbc.queryForObject("SELECT COUNT(*)" + where, p, Long.class);
        long frames = n == null ? 0 : n;
        int stride = (int) Math.max(1, (frames + max - 1) / max);
        List<TrackPoint> points = new ArrayList<>((int) Math.min(frames, max));
        int[] i = {0};
        jdbc.query("SELECT collected_at, longitude, latitude, speed_kmh, soc, voltage_v, current_a" + where
                + " ORDER BY collected_at, command", p, (RowCallbackHandler) rs -> {
                    if (i[0]++ % stride == 0) {
                        points.add(new TrackPoint(Times.instant(rs, "collected_at"), rs.getBigDecimal("longitude"),
                                rs.getBigDecimal("latitude"), rs.getBigDecimal("speed_kmh"),
                                rs.getObject("soc", Integer.class), rs.getBigDecimal("voltage_v"),
                                rs.getBigDecimal("current_a")));
                    }
                });
        return new Track(vin, from, to, frames, stride, points);
    }

    /** Newest first. */
    public PageResult<OnlineEvent> onlineLog(String vin, Paging paging) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM vehicle_online_log WHERE vin = :vin",
                Map.of("vin", vin), Long.class);
        List<OnlineEvent> rows = jdbc.query("SELECT * FROM vehicle_online_log WHERE vin = :vin"
                        + " ORDER BY event_at DESC LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource("vin", vin).addValue("limit", paging.size())
                        .addValue("offset", paging.offset()), EVENT);
        return PageResult.of(rows, paging, total == null ? 0 : total);
    }

    /** Vehicles online per node, as the consumers last recorded the events. */
    public Map<String, Long> onlinePerNode() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.query("SELECT node, COUNT(*) AS n FROM vehicle_online_state WHERE online = 1 GROUP BY node ORDER BY node",
                (RowCallbackHandler) rs -> out.put(rs.getString("node"), rs.getLong("n")));
        return out;
    }

    /** Online vehicles of one node (VIN order). */
    public PageResult<String> onlineVins(String node, Paging paging) {
        MapSqlParameterSource p = new MapSqlParameterSource("node", node);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM vehicle_online_state WHERE online = 1 AND node = :node",
                p, Long.class);
        p.addValue("limit", paging.size()).addValue("offset", paging.offset());
        return PageResult.of(jdbc.queryForList("SELECT vin FROM vehicle_online_state WHERE online = 1 AND node = :node"
                + " ORDER BY vin LIMIT :limit OFFSET :offset", p, String.class), paging, total == null ? 0 : total);
    }

    /** Frames received since {@code since} (the index on received_at keeps this cheap). */
    /** The newest positions of online vehicles, at most {@code max} (no order: the map needs none). */
    public FleetMap fleetPositions(int max) {
        List<FleetMap.Position> rows = jdbc.query("SELECT l.vin, l.latitude, l.longitude, l.speed_kmh, l.soc,"
                        + " l.alarm_level, l.collected_at"
                        + " FROM vehicle_online_state s JOIN vehicle_latest_state l ON l.vin = s.vin"
                        + " WHERE s.online = 1 AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL LIMIT :limit",
                Map.of("limit", max + 1), (rs, i) -> new FleetMap.Position(rs.getString("vin"),
                        rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getBigDecimal("speed_kmh"),
                        rs.getObject("soc", Integer.class), rs.getObject("alarm_level", Integer.class),
                        Times.instant(rs, "collected_at")));
        return new FleetMap(rows.size() > max ? rows.subList(0, max) : rows, rows.size() > max);
    }

    public long framesSince(Instant since) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM telemetry WHERE received_at >= :since",
                Map.of("since", Times.toDb(since)), Long.class);
        return n == null ? 0 : n;
    }

    public long onlineCount() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM vehicle_online_state WHERE online = 1", Map.of(), Long.class);
        return n == null ? 0 : n;
    }
}
