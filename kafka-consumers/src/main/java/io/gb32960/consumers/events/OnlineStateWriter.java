package io.gb32960.consumers.events;

import io.gb32960.consumers.jdbc.MultiRowInsert;
import io.gb32960.consumers.jdbc.Params;
import io.gb32960.platform.common.event.VehicleEvent;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.support.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes one batch of vehicle events in one transaction: the log rows (INSERT IGNORE on
 * vin + time + event, so replays add nothing) and the new state of each vehicle, computed from its
 * current row (read {@code FOR UPDATE}) and the batch's events in order ({@link OnlineState#apply}).
 * Times are stored as UTC with microseconds.
 */
final class OnlineStateWriter {

    private static final int CHUNK = 500;
    private static final String STATE_COLUMNS = "vin, online, node, remote, since, reason, last_event, last_event_at, last_seen";

    private final JdbcOperations jdbc;
    private final TransactionOperations tx;
    private final MultiRowInsert<VehicleEvent> log;
    private final MultiRowInsert<OnlineState> states;

    OnlineStateWriter(JdbcOperations jdbc, TransactionOperations tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.log = new MultiRowInsert<>("INSERT IGNORE INTO vehicle_online_log (vin, event_at, event, reason, node, remote)",
                6, "", CHUNK, OnlineStateWriter::bindEvent);
        StringBuilder update = new StringBuilder("ON DUPLICATE KEY UPDATE ");
        String[] cols = STATE_COLUMNS.split(", ");
        for (int i = 1; i < cols.length; i++) {
            update.append(i > 1 ? ", " : "").append(cols[i]).append(" = VALUES(").append(cols[i]).append(')');
        }
        this.states = new MultiRowInsert<>("INSERT INTO vehicle_online_state (" + STATE_COLUMNS + ")", 9,
                update.toString(), CHUNK, OnlineStateWriter::bindState);
    }

    /** @return the number of log rows inserted (events seen before are not) */
    long write(List<VehicleEvent> events) {
        return tx.execute(status -> jdbc.execute((ConnectionCallback<Long>) c -> {
            long inserted = log.execute(c, events);
            Map<String, OnlineState> byVin = current(c, events);
            Map<String, OnlineState> changed = new TreeMap<>();
            for (VehicleEvent e : events) {
                OnlineState next = OnlineState.apply(byVin.get(e.vin()), e);
                byVin.put(e.vin(), next);
                changed.put(e.vin(), next);
            }
            states.execute(c, new ArrayList<>(changed.values()));
            return inserted;
        }));
    }

    /** The stored states of the batch's vehicles, locked until the transaction ends. */
    private static Map<String, OnlineState> current(Connection c, List<VehicleEvent> events) throws SQLException {
        TreeSet<String> sorted = new TreeSet<>();
        for (VehicleEvent e : events) {
            sorted.add(e.vin());
        }
        List<String> vins = new ArrayList<>(sorted);
        Map<String, OnlineState> out = new TreeMap<>();
        for (int from = 0; from < vins.size(); from += CHUNK) {
            List<String> chunk = vins.subList(from, Math.min(vins.size(), from + CHUNK));
            String sql = "SELECT " + STATE_COLUMNS + " FROM vehicle_online_state WHERE vin IN ("
                    + "?,".repeat(chunk.size() - 1) + "?) FOR UPDATE";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        OnlineState s = new OnlineState(rs.getString(1), rs.getBoolean(2), rs.getString(3),
                                rs.getString(4), instant(rs, 5), rs.getString(6),
                                VehicleEvent.EventType.valueOf(rs.getString(7)), instant(rs, 8), instant(rs, 9));
                        out.put(s.vin(), s);
                    }
                }
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static void bindEvent(PreparedStatement ps, int i, VehicleEvent e) throws SQLException {
        ps.setString(i, e.vin());
        Params.setDateTime(ps, i + 1, utc(e.at()));
        ps.setString(i + 2, e.type().name());
        Params.setString(ps, i + 3, e.reason() == null ? null : e.reason().name());
        ps.setString(i + 4, e.node());
        Params.setString(ps, i + 5, e.remote());
    }

    private static void bindState(PreparedStatement ps, int i, OnlineState s) throws SQLException {
        ps.setString(i, s.vin());
        ps.setBoolean(i + 1, s.online());
        ps.setString(i + 2, s.node());
        Params.setString(ps, i + 3, s.remote());
        Params.setDateTime(ps, i + 4, utc(s.since()));
        Params.setString(ps, i + 5, s.reason());
        ps.setString(i + 6, s.lastEvent().name());
        Params.setDateTime(ps, i + 7, utc(s.lastEventAt()));
        Params.setDateTime(ps, i + 8, utc(s.lastSeen()));
    }
}
