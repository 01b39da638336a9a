package io.gb32960.simulator.sim;

import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.unit.VehicleData;
import io.gb32960.protocol.wire.DataTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DrivingModelTest {

    private static final double LAT = 31.2304;
    private static final double LON = 121.4737;

    @Test
    void aDayOfDrivingCyclesThroughEveryPhaseWithConsistentPhysics() {
        DrivingModel m = new DrivingModel(7, LAT, LON);
        java.util.EnumSet<DrivingModel.Phase> seen = java.util.EnumSet.noneOf(DrivingModel.Phase.class);
        double odometer = m.odometerKm();
        double lastSoc = m.socPercent();
        boolean socFellWhileDriving = false;
        boolean socRoseWhileCharging = false;
        for (int i = 0; i < 24 * 360; i++) {
            m.advance(10);
            m.nextFrame(0.01);
            seen.add(m.phase());
            assertThat(m.odometerKm()).isGreaterThanOrEqualTo(odometer);
            odometer = m.odometerKm();
            assertThat(m.speedKmh()).isBetween(0.0, 125.0);
            assertThat(m.socPercent()).isBetween(0.0, 100.0);
            assertThat(m.packVoltageV()).isBetween(250.0, 420.0);
            assertThat(m.packCurrentA()).isBetween(-250.0, 600.0);
            assertThat(m.latitude()).isCloseTo(LAT, within(0.1));
            assertThat(m.longitude()).isCloseTo(LON, within(0.12));
            assertThat(m.probeTemperatureC(0)).isBetween(15, 90);
            if (m.phase() == DrivingModel.Phase.CRUISING && m.socPercent() < lastSoc) {
                socFellWhileDriving = true;
            }
            if (m.charging() && m.socPercent() > lastSoc) {
                socRoseWhileCharging = true;
                assertThat(m.packCurrentA()).isNegative();
            }
            if (m.charging() || m.phase() == DrivingModel.Phase.PARKED) {
                assertThat(m.speedKmh()).isZero();
            }
            lastSoc = m.socPercent();
        }
        assertThat(seen).containsExactlyInAnyOrder(DrivingModel.Phase.values());
        assertThat(socFellWhileDriving).isTrue();
        assertThat(socRoseWhileCharging).isTrue();
        assertThat(odometer - new DrivingModel(7, LAT, LON).odometerKm()).as("km in a day").isBetween(100.0, 1500.0);
    }

    @Test
    void cellsAddUpToThePackAndDriftFromFrameToFrame() {
        DrivingModel m = new DrivingModel(11, LAT, LON);
        m.advance(60);
        m.nextFrame(0);
        int[] before = new int[DrivingModel.CELLS];
        int sum = 0;
        for (int i = 0; i < before.length; i++) {
            before[i] = m.cellVoltageMv(i);
            sum += before[i];
        }
        assertThat(sum / 1000.0).isCloseTo(m.packVoltageV(), within(1.5));
        m.nextFrame(0);
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            assertThat(m.cellVoltageMv(i)).isCloseTo(before[i], within(4));
            changed += m.cellVoltageMv(i) != before[i] ? 1 : 0;
        }
        assertThat(changed).isGreaterThan(DrivingModel.CELLS / 2);
    }

    @Test
    void alarmsAreRareEpisodesOfLevelOneOrTwo() {
        DrivingModel m = new DrivingModel(3, LAT, LON);
        int withAlarm = 0;
        for (int i = 0; i < 10_000; i++) {
            m.nextFrame(0.002);
            if (m.alarmFlags() != 0) {
                withAlarm++;
                assertThat(m.alarmLevel()).isBetween(1, 2);
            } else {
                assertThat(m.alarmLevel()).isZero();
            }
        }
        assertThat(withAlarm).isBetween(20, 2_000);
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void unitsEncodeAndDecodeBackToTheModelValues(Edition edition) {
        DrivingModel m = new DrivingModel(5, LAT, LON);
        m.advance(120);
        m.nextFrame(0);
        TelemetryReport report = TelemetryReport.of(
                FrameHeader.command(edition, CommandId.REALTIME_REPORT.id(), "LGB32960SIM000001"),
                DataTime.of(2026, 5, 1, 8, 0, 0), TelemetryUnits.of(m, edition));
        TelemetryReport back = (TelemetryReport) Gb32960Decoder.uplink().decode(Gb32960Encoder.plain().encode(report));
        assertThat(back.units()).isEqualTo(report.units());
        VehicleData v = back.unit(VehicleData.class);
        assertThat(v.speedKmh().value()).isCloseTo(m.speedKmh(), within(0.05));
        assertThat(v.socPercent().value()).isCloseTo(m.socPercent(), within(0.5));
        assertThat(v.totalCurrentA().value()).isCloseTo(m.packCurrentA(), within(0.05));
        assertThat(v.totalVoltageV().value()).isCloseTo(m.packVoltageV(), within(0.05));
        assertThat(v.odometerKm().value()).isCloseTo(m.odometerKm(), within(0.1));
    }
}
