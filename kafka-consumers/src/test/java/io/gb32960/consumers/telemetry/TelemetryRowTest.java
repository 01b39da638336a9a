package io.gb32960.consumers.telemetry;

import io.gb32960.consumers.frame.DecodedFrame;
import io.gb32960.consumers.support.TestFrames;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.unit.Alarm2016;
import io.gb32960.protocol.unit.FaultCodes;
import io.gb32960.protocol.unit.InfoUnit;
import io.gb32960.protocol.unit.Position2016;
import io.gb32960.protocol.unit.VehicleData2016;
import io.gb32960.protocol.wire.DataTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** Frames to rows: units, abnormal and invalid values, times. */
class TelemetryRowTest {

    private static final LocalDateTime BEIJING = LocalDateTime.of(2026, 11, 21, 7, 30, 0);

    private static DecodedFrame frame(TelemetryReport r) {
        return new DecodedFrame(r, new byte[] {1}, 1, "n1", Instant.parse("2026-11-20T23:30:01.250Z"));
    }

    private static TelemetryReport report(InfoUnit... units) {
        FrameHeader h = FrameHeader.command(Edition.V2016, CommandId.REALTIME_REPORT.id(), "LROW0000000000001");
        return TelemetryReport.of(h, DataTime.of(BEIJING), List.of(units));
    }

    @Test
    void timesAreUtcAndValuesPhysical() {
        TelemetryRow row = TelemetryRow.of(frame(TestFrames.realtime(Edition.V2016, "LROW0000000000001", BEIJING).report()));
        assertThat(row.collectedAt()).isEqualTo(LocalDateTime.of(2026, 11, 20, 23, 30, 0)); // the previous day in UTC
        assertThat(row.receivedAt()).isEqualTo(LocalDateTime.of(2026, 11, 20, 23, 30, 1, 250_000_000));
        assertThat(row.receivedAtMillis()).isEqualTo(Instant.parse("2026-11-20T23:30:01.250Z").toEpochMilli());
        assertThat(row.speedKmh()).isEqualTo(52.3, offset(1e-9));
        assertThat(row.currentA()).isEqualTo(15.0, offset(1e-9));
        assertThat(row.edition()).isEqualTo(2016);
        assertThat(row.alarmLevel()).isZero();
    }

    @Test
    void abnormalInvalidAndImpossibleValuesAreNull() {
        TelemetryRow row = TelemetryRow.of(frame(report(
                new VehicleData2016(0xFE, 0xFF, 1, 0xFFFE, 0xFFFFFFFFL, 0xFFFF, 10150, 0xFE, 1, 0x2E, 5000, 0, 0),
                new Position2016(0, 200_000_000L, 95_000_000L), // 200° E, 95° N: not a place
                new Alarm2016(0xFF, 0, FaultCodes.NONE, FaultCodes.NONE, FaultCodes.NONE, FaultCodes.NONE))));
        assertThat(row.vehicleState()).isNull();
        assertThat(row.chargingState()).isNull();
        assertThat(row.speedKmh()).isNull();
        assertThat(row.odometerKm()).isNull();
        assertThat(row.voltageV()).isNull();
        assertThat(row.soc()).isNull();
        assertThat(row.longitude()).isNull();
        assertThat(row.latitude()).isNull();
        assertThat(row.alarmLevel()).isNull();
        assertThat(row.currentA()).isEqualTo(15.0, offset(1e-9));
    }

    @Test
    void southAndWestAreNegative() {
        TelemetryRow row = TelemetryRow.of(frame(report(new Position2016(0b110, 121_473_701L, 31_230_416L))));
        assertThat(row.longitude()).isEqualTo(-121.473701, offset(1e-9));
        assertThat(row.latitude()).isEqualTo(-31.230416, offset(1e-9));
        assertThat(row.speedKmh()).isNull(); // no whole-vehicle unit
    }

    @Test
    void alarmRowsOnlyForALevelAValidFlagOrFaultCodes() {
        assertThat(AlarmRow.of(frame(report(new Alarm2016(0, 0, FaultCodes.NONE, FaultCodes.NONE, FaultCodes.NONE,
                FaultCodes.NONE))))).isNull();
        assertThat(AlarmRow.of(frame(report(new Alarm2016(0, 0xFFFFFFFFL, FaultCodes.NONE, FaultCodes.NONE,
                FaultCodes.NONE, FaultCodes.NONE))))).as("invalid flags are not 32 alarms").isNull();
        AlarmRow faultsOnly = AlarmRow.of(frame(report(new Alarm2016(0, 0, FaultCodes.NONE, FaultCodes.of(0x10L),
                FaultCodes.NONE, FaultCodes.of(0x20L, 0x30L)))));
        assertThat(faultsOnly).isNotNull();
        assertThat(faultsOnly.flags()).isEmpty();
        assertThat(faultsOnly.faultCodes()).isEqualTo(
                "{\"storage\":[],\"motor\":[\"00000010\"],\"engine\":[],\"other\":[\"00000020\",\"00000030\"]}");
        AlarmRow reserved = AlarmRow.of(frame(report(new Alarm2016(1, 1L << 30, FaultCodes.NONE, FaultCodes.NONE,
                FaultCodes.NONE, FaultCodes.NONE))));
        assertThat(reserved.flags()).isEqualTo("reserved30");
        assertThat(reserved.maxLevel()).isEqualTo(1);
    }

    @Test
    void theLatestStateUpsertComparesTimesBeforeAssigningTheTime() {
        String sql = TelemetryWriter.latestStateUpdate();
        assertThat(sql).startsWith("ON DUPLICATE KEY UPDATE command = IF(VALUES(collected_at) >= collected_at,")
                .endsWith("collected_at = GREATEST(collected_at, VALUES(collected_at))");
        assertThat(sql.indexOf("collected_at = GREATEST")).isGreaterThan(sql.lastIndexOf("IF("));
    }

    @Test
    void theNewestRowPerVehicleWinsTheLaterOneOnTies() {
        TelemetryRow a1 = TelemetryRow.of(frame(TestFrames.realtime(Edition.V2016, "LA000000000000001", BEIJING).report()));
        TelemetryRow a2 = TelemetryRow.of(frame(TestFrames.realtime(Edition.V2016, "LA000000000000001", BEIJING.plusSeconds(10))
                .reissue().report()));
        TelemetryRow a3 = TelemetryRow.of(frame(TestFrames.realtime(Edition.V2016, "LA000000000000001", BEIJING.plusSeconds(10))
                .report()));
        TelemetryRow b = TelemetryRow.of(frame(TestFrames.realtime(Edition.V2016, "LB000000000000001", BEIJING).report()));
        assertThat(TelemetryWriter.newestPerVehicle(List.of(b, a2, a1, a3))).containsExactly(a3, b);
    }
}
