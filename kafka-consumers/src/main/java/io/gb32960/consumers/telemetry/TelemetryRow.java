package io.gb32960.consumers.telemetry;

import io.gb32960.consumers.frame.DecodedFrame;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.unit.Alarm;
import io.gb32960.protocol.unit.Position;
import io.gb32960.protocol.unit.VehicleData;
import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;
import io.gb32960.protocol.value.ValueState;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The key columns of one frame, as {@code telemetry} and {@code vehicle_latest_state} hold them:
 * physical values, {@code null} where the frame has no such unit or the value is abnormal/invalid
 * (and coordinates outside ±180°/±90°). Times are UTC.
 *
 * @param frame the frame to store (plaintext)
 */
record TelemetryRow(String vin, LocalDateTime collectedAt, int command, LocalDateTime receivedAt, String node,
                    int edition, int encryption, int signature, Integer vehicleState, Integer chargingState,
                    Double speedKmh, Integer soc, Double odometerKm, Double voltageV, Double currentA,
                    Double longitude, Double latitude, Integer alarmLevel, byte[] frame) {

    static TelemetryRow of(DecodedFrame f) {
        TelemetryReport r = f.report();
        VehicleData v = r.unit(VehicleData.class);
        Position p = r.unit(Position.class);
        Alarm a = r.unit(Alarm.class);
        Double lon = null;
        Double lat = null;
        if (p != null) {
            lon = within(p.longitude(), 180);
            lat = within(p.latitude(), 90);
        }
        return new TelemetryRow(f.vin(), f.collectedAtUtc(), f.command(), f.receivedAtUtc(), f.node(),
                Integer.parseInt(r.header().edition().label()), f.encryption(), r.signatureStatus().ordinal(),
                v == null ? null : enumByte(v.vehicleState()),
                v == null ? null : enumByte(v.chargingState()),
                v == null ? null : v.speedKmh().orNull(),
                v == null ? null : integer(v.socPercent()),
                v == null ? null : v.odometerKm().orNull(),
                v == null ? null : v.totalVoltageV().orNull(),
                v == null ? null : v.totalCurrentA().orNull(),
                lon, lat,
                a == null ? null : enumByte(a.maxLevel()),
                f.frame());
    }

    long receivedAtMillis() {
        return receivedAt.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** A BYTE enumeration or level, null for the abnormal/invalid sentinels. */
    static Integer enumByte(int raw) {
        return Scale.stateOfByte(raw) == ValueState.VALID ? raw : null;
    }

    private static Integer integer(Quantity q) {
        return q.isValid() ? (int) Math.round(q.value()) : null;
    }

    private static Double within(Quantity q, double limit) {
        return q.isValid() && Math.abs(q.value()) <= limit ? q.value() : null;
    }
}
