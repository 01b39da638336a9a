package io.gb32960.consumers.telemetry;

import io.gb32960.consumers.jdbc.MultiRowInsert;
import io.gb32960.consumers.jdbc.Params;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.support.TransactionOperations;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one batch of frames in one transaction: telemetry rows (INSERT IGNORE on the key
 * vin + collected_at + command, so a frame stored before is skipped), alarm rows (the same), and the
 * latest state per vehicle (an upsert that only moves forward in collection time). Rows are sorted by
 * key so concurrent writers lock in the same order. Replaying a batch changes nothing.
 */
final class TelemetryWriter {

    /** What a batch wrote. */
    record Written(long telemetryInserted, long alarmsInserted, int vehicles) {
    }

    private static final String COLUMNS = "vin, collected_at, command, received_at, node, edition, encryption, signature,"
            + " vehicle_state, charging_state, speed_kmh, soc, odometer_km, voltage_v, current_a, longitude, latitude,"
            + " alarm_level, frame";
    private static final String STATE_COLUMNS = "vin, collected_at, command, received_at, node, edition, vehicle_state,"
            + " charging_state, speed_kmh, soc, odometer_km, voltage_v, current_a, longitude, latitude, alarm_level";
    /** Non-key state columns, each taken from the new row only when it is not older. */
    private static final String[] STATE_UPDATED = {"command", "received_at", "node", "edition", "vehicle_state",
        "charging_state", "speed_kmh", "soc", "odometer_km", "voltage_v", "current_a", "longitude", "latitude", "alarm_level"};
    private static final Comparator<TelemetryRow> BY_KEY = Comparator.comparing(TelemetryRow::vin)
            .thenComparing(TelemetryRow::collectedAt).thenComparingInt(TelemetryRow::command);
    private static final Comparator<AlarmRow> ALARM_BY_KEY = Comparator.comparing(AlarmRow::vin)
            .thenComparing(AlarmRow::collectedAt).thenComparingInt(AlarmRow::command);

    private final JdbcOperations jdbc;
    private final TransactionOperations tx;
    private final MultiRowInsert<TelemetryRow> telemetry;
    private final MultiRowInsert<AlarmRow> alarms;
    private final MultiRowInsert<TelemetryRow> latest;

    TelemetryWriter(JdbcOperations jdbc, TransactionOperations tx, int chunk) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.telemetry = new MultiRowInsert<>("INSERT IGNORE INTO telemetry (" + COLUMNS + ")", 19, "", chunk,
                TelemetryWriter::bindTelemetry);
        this.alarms = new MultiRowInsert<>("INSERT IGNORE INTO alarm_event (vin, collected_at, command, received_at,"
                + " node, edition, max_level, flag_bits, flags, fault_codes, flag_levels)", 11, "", chunk,
                TelemetryWriter::bindAlarm);
        this.latest = new MultiRowInsert<>("INSERT INTO vehicle_latest_state (" + STATE_COLUMNS + ")", 16,
                latestStateUpdate(), chunk, TelemetryWriter::bindState);
    }

    /**
     * On a duplicate VIN every column takes the new value only if the new row is not older; the
     * collection time itself is assigned last (MySQL and MariaDB evaluate assignments left to right,
     * so the comparisons before it still see the old time).
     */
    static String latestStateUpdate() {
        StringBuilder b = new StringBuilder("ON DUPLICATE KEY UPDATE ");
        for (String c : STATE_UPDATED) {
            b.append(c).append(" = IF(VALUES(collected_at) >= collected_at, VALUES(").append(c).append("), ")
                    .append(c).append("), ");
        }
        return b.append("collected_at = GREATEST(collected_at, VALUES(collected_at))").toString();
    }

    Written write(List<TelemetryRow> rows, List<AlarmRow> alarmRows) {
        List<TelemetryRow> sorted = new ArrayList<>(rows);
        sorted.sort(BY_KEY);
        List<AlarmRow> sortedAlarms = new ArrayList<>(alarmRows);
        sortedAlarms.sort(ALARM_BY_KEY);
        List<TelemetryRow> newest = newestPerVehicle(rows);
        return tx.execute(status -> jdbc.execute((ConnectionCallback<Written>) c -> {
            long inserted = telemetry.execute(c, sorted);
            long alarmed = alarms.execute(c, sortedAlarms);
            latest.execute(c, newest);
            return new Written(inserted, alarmed, newest.size());
        }));
    }

    /** The newest row of each vehicle in the batch (the later one on equal times), sorted by VIN. */
    static List<TelemetryRow> newestPerVehicle(List<TelemetryRow> rows) {
        Map<String, TelemetryRow> newest = new LinkedHashMap<>();
        for (TelemetryRow r : rows) {
            newest.merge(r.vin(), r, (old, now) -> now.collectedAt().isBefore(old.collectedAt()) ? old : now);
        }
        List<TelemetryRow> out = new ArrayList<>(newest.values());
        out.sort(Comparator.comparing(TelemetryRow::vin));
        return out;
    }

    private static void bindTelemetry(PreparedStatement ps, int i, TelemetryRow r) throws SQLException {
        ps.setString(i, r.vin());
        Params.setDateTime(ps, i + 1, r.collectedAt());
        ps.setInt(i + 2, r.command());
        Params.setDateTime(ps, i + 3, r.receivedAt());
        ps.setString(i + 4, r.node());
        ps.setInt(i + 5, r.edition());
        ps.setInt(i + 6, r.encryption());
        ps.setInt(i + 7, r.signature());
        Params.setInt(ps, i + 8, r.vehicleState());
        Params.setInt(ps, i + 9, r.chargingState());
        Params.setDouble(ps, i + 10, r.speedKmh());
        Params.setInt(ps, i + 11, r.soc());
        Params.setDouble(ps, i + 12, r.odometerKm());
        Params.setDouble(ps, i + 13, r.voltageV());
        Params.setDouble(ps, i + 14, r.currentA());
        Params.setDouble(ps, i + 15, r.longitude());
        Params.setDouble(ps, i + 16, r.latitude());
        Params.setInt(ps, i + 17, r.alarmLevel());
        ps.setBytes(i + 18, r.frame());
    }

    private static void bindState(PreparedStatement ps, int i, TelemetryRow r) throws SQLException {
        ps.setString(i, r.vin());
        Params.setDateTime(ps, i + 1, r.collectedAt());
        ps.setInt(i + 2, r.command());
        Params.setDateTime(ps, i + 3, r.receivedAt());
        ps.setString(i + 4, r.node());
        ps.setInt(i + 5, r.edition());
        Params.setInt(ps, i + 6, r.vehicleState());
        Params.setInt(ps, i + 7, r.chargingState());
        Params.setDouble(ps, i + 8, r.speedKmh());
        Params.setInt(ps, i + 9, r.soc());
        Params.setDouble(ps, i + 10, r.odometerKm());
        Params.setDouble(ps, i + 11, r.voltageV());
        Params.setDouble(ps, i + 12, r.currentA());
        Params.setDouble(ps, i + 13, r.longitude());
        Params.setDouble(ps, i + 14, r.latitude());
        Params.setInt(ps, i + 15, r.alarmLevel());
    }

    private static void bindAlarm(PreparedStatement ps, int i, AlarmRow r) throws SQLException {
        ps.setString(i, r.vin());
        Params.setDateTime(ps, i + 1, r.collectedAt());
        ps.setInt(i + 2, r.command());
        Params.setDateTime(ps, i + 3, r.receivedAt());
        ps.setString(i + 4, r.node());
        ps.setInt(i + 5, r.edition());
        Params.setInt(ps, i + 6, r.maxLevel());
        ps.setLong(i + 7, r.flagBits());
        ps.setString(i + 8, r.flags());
        ps.setString(i + 9, r.faultCodes());
        Params.setString(ps, i + 10, r.flagLevels());
    }
}
