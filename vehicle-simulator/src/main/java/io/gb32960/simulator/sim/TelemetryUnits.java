package io.gb32960.simulator.sim;

import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.unit.Alarm2016;
import io.gb32960.protocol.unit.Alarm2025;
import io.gb32960.protocol.unit.CellVoltages2016;
import io.gb32960.protocol.unit.CellVoltages2025;
import io.gb32960.protocol.unit.DriveMotor;
import io.gb32960.protocol.unit.DriveMotor2016;
import io.gb32960.protocol.unit.DriveMotor2025;
import io.gb32960.protocol.unit.DriveMotors;
import io.gb32960.protocol.unit.Extremes2016;
import io.gb32960.protocol.unit.FaultCodes;
import io.gb32960.protocol.unit.InfoUnit;
import io.gb32960.protocol.unit.Position2016;
import io.gb32960.protocol.unit.Position2025;
import io.gb32960.protocol.unit.ProbeTemperatures;
import io.gb32960.protocol.unit.VehicleData2016;
import io.gb32960.protocol.unit.VehicleData2025;
import io.gb32960.protocol.value.WordArray;
import io.gb32960.protocol.wire.Bytes;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link DrivingModel} into the info units of a realtime report, converting physical values
 * to raw wire values with each edition's scale and offset:
 * <ul>
 *   <li>2016 (Tables 9-18, B.4-B.8): whole vehicle, 2 drive motors, position, extremes, alarm,
 *   RESS voltages (0x08) and temperatures (0x09);</li>
 *   <li>2025 (Tables 10-24): whole vehicle, drive motors, position with coordinate system, alarm
 *   with the N5 flag-level list, voltages (0x07) and temperatures (0x08); no extremes.</li>
 * </ul>
 * Drive-motor data is left out while parked and charging (Annex B.2.1).
 */
final class TelemetryUnits {

    private static final int STARTED = 1;
    private static final int OFF = 2;
    private static final int PARKED_CHARGING = 1;
    private static final int NOT_CHARGING = 3;
    private static final int EV_MODE = 1;
    private static final int DCDC_WORKING = 1;
    private static final int MOTOR_CONSUMING = 1;
    private static final int MOTOR_GENERATING = 2;
    private static final int MOTOR_READY = 4;
    private static final int GEAR_P = 0x0F;
    private static final int GEAR_D = 0x0E;
    private static final int BRAKING_FORCE = 0x10;
    private static final int DRIVING_FORCE = 0x20;
    private static final int WGS84 = 1;

    private TelemetryUnits() {
    }

    static List<InfoUnit> of(DrivingModel m, Edition edition) {
        int[] cells = new int[DrivingModel.CELLS];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = clamp(m.cellVoltageMv(i), 0, 15_000);
        }
        byte[] probes = new byte[DrivingModel.PROBES];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = (byte) clamp(m.probeTemperatureC(i) + 40, 0, 250);
        }
        List<InfoUnit> units = new ArrayList<>(7);
        if (edition == Edition.V2016) {
            units.add(vehicle2016(m));
            if (!m.charging()) {
                units.add(motors(m, edition));
            }
            units.add(position2016(m));
            units.add(extremes(cells, probes));
            units.add(alarm2016(m));
            units.add(new CellVoltages2016(List.of(new CellVoltages2016.Subsystem(1, voltageRaw(m),
                    currentRaw(m, 1000, 20_000), cells.length, 1, WordArray.of(cells)))));
        } else {
            units.add(vehicle2025(m));
            if (!m.charging()) {
                units.add(motors(m, edition));
            }
            units.add(new Position2025(status(m), WGS84, coordinate(m.longitude()), coordinate(m.latitude())));
            units.add(alarm2025(m));
            units.add(new CellVoltages2025(List.of(new CellVoltages2025.Pack(1, voltageRaw(m),
                    currentRaw(m, 3000, 60_000), WordArray.of(cells)))));
        }
        units.add(new ProbeTemperatures(List.of(new ProbeTemperatures.Group(1, Bytes.of(probes)))));
        return units;
    }

    private static VehicleData2016 vehicle2016(DrivingModel m) {
        return new VehicleData2016(vehicleState(m), chargingState(m), EV_MODE, speedRaw(m), odometerRaw(m),
                voltageRaw(m), currentRaw(m, 1000, 20_000), soc(m), DCDC_WORKING, gear(m),
                clamp(m.insulationKohm(), 0, 60_000), m.acceleratorPercent(), m.brakePercent());
    }

    private static VehicleData2025 vehicle2025(DrivingModel m) {
        return new VehicleData2025(vehicleState(m), chargingState(m), EV_MODE, speedRaw(m), odometerRaw(m),
                voltageRaw(m), currentRaw(m, 3000, 60_000), soc(m), DCDC_WORKING, gear(m),
                clamp(m.insulationKohm(), 0, 60_000));
    }

    private static DriveMotors motors(DrivingModel m, Edition edition) {
        List<DriveMotor> motors = new ArrayList<>(DrivingModel.MOTORS);
        double torque = m.motorTorqueNm();
        int state = m.speedKmh() < 0.1 && torque == 0 ? MOTOR_READY : torque < 0 ? MOTOR_GENERATING : MOTOR_CONSUMING;
        for (int i = 0; i < DrivingModel.MOTORS; i++) {
            int controllerTemp = clamp(m.controllerTemperatureC(i) + 40, 0, 250);
            int motorTemp = clamp(m.motorTemperatureC(i) + 40, 0, 250);
            if (edition == Edition.V2016) {
                motors.add(new DriveMotor2016(i + 1, state, controllerTemp, clamp(m.motorRpm() + 20_000, 0, 65_531),
                        clamp((int) Math.round((torque + 2000) * 10), 0, 65_531), motorTemp, voltageRaw(m),
                        clamp((int) Math.round((m.packCurrentA() / DrivingModel.MOTORS + 1000) * 10), 0, 20_000)));
            } else {
                motors.add(new DriveMotor2025(i + 1, state, controllerTemp, clamp(m.motorRpm() + 32_000, 0, 65_531),
                        Math.round((torque + 20_000) * 10), motorTemp));
            }
        }
        return DriveMotors.of(motors);
    }

    private static Position2016 position2016(DrivingModel m) {
        return new Position2016(status(m), coordinate(m.longitude()), coordinate(m.latitude()));
    }

    /** Location status (Table 15): bit0 0 = valid fix, bit1 south, bit2 west. */
    private static int status(DrivingModel m) {
        return (m.latitude() < 0 ? 0x02 : 0) | (m.longitude() < 0 ? 0x04 : 0);
    }

    private static long coordinate(double degrees) {
        return Math.round(Math.abs(degrees) * 1_000_000);
    }

    private static Extremes2016 extremes(int[] cells, byte[] probes) {
        int max = 0;
        int min = 0;
        for (int i = 1; i < cells.length; i++) {
            if (cells[i] > cells[max]) {
                max = i;
            }
            if (cells[i] < cells[min]) {
                min = i;
            }
        }
        int hot = 0;
        int cold = 0;
        for (int i = 1; i < probes.length; i++) {
            if ((probes[i] & 0xFF) > (probes[hot] & 0xFF)) {
                hot = i;
            }
            if ((probes[i] & 0xFF) < (probes[cold] & 0xFF)) {
                cold = i;
            }
        }
        return new Extremes2016(1, max + 1, cells[max], 1, min + 1, cells[min],
                1, hot + 1, probes[hot] & 0xFF, 1, cold + 1, probes[cold] & 0xFF);
    }

    private static Alarm2016 alarm2016(DrivingModel m) {
        return new Alarm2016(m.alarmLevel(), m.alarmFlags(), FaultCodes.NONE, FaultCodes.NONE, FaultCodes.NONE,
                FaultCodes.NONE);
    }

    private static Alarm2025 alarm2025(DrivingModel m) {
        long flags = m.alarmFlags();
        List<Alarm2025.FlagLevel> levels = new ArrayList<>(2);
        for (int bit = 0; bit < 32; bit++) {
            if ((flags & (1L << bit)) != 0) {
                levels.add(new Alarm2025.FlagLevel(bit, m.alarmLevelOf(bit)));
            }
        }
        return new Alarm2025(m.alarmLevel(), flags, FaultCodes.NONE, FaultCodes.NONE, FaultCodes.NONE,
                FaultCodes.NONE, levels);
    }

    private static int vehicleState(DrivingModel m) {
        return m.charging() ? OFF : STARTED;
    }

    private static int chargingState(DrivingModel m) {
        return m.charging() ? PARKED_CHARGING : NOT_CHARGING;
    }

    /** Gear byte (A.1): P while charging, D otherwise, with the driving/braking force bits. */
    private static int gear(DrivingModel m) {
        if (m.charging()) {
            return GEAR_P;
        }
        DrivingModel.Phase p = m.phase();
        return GEAR_D | (p == DrivingModel.Phase.ACCELERATING || p == DrivingModel.Phase.CRUISING
                ? DRIVING_FORCE : BRAKING_FORCE);
    }

    private static int speedRaw(DrivingModel m) {
        return clamp((int) Math.round(m.speedKmh() * 10), 0, 2200);
    }

    private static long odometerRaw(DrivingModel m) {
        return Math.min(9_999_999L, (long) (m.odometerKm() * 10));
    }

    private static int voltageRaw(DrivingModel m) {
        return clamp((int) Math.round(m.packVoltageV() * 10), 0, 10_000);
    }

    /** 0.1 A with the edition's offset (1000 A in 2016, 3000 A in 2025). */
    private static int currentRaw(DrivingModel m, int offsetA, int max) {
        return clamp((int) Math.round((m.packCurrentA() + offsetA) * 10), 0, max);
    }

    private static int soc(DrivingModel m) {
        return clamp((int) Math.round(m.socPercent()), 0, 100);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
