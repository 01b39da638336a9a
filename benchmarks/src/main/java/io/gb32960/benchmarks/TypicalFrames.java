package io.gb32960.benchmarks;

import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.message.SignatureStatus;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.unit.Alarm2016;
import io.gb32960.protocol.unit.Alarm2025;
import io.gb32960.protocol.unit.CellVoltages2016;
import io.gb32960.protocol.unit.CellVoltages2025;
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
import io.gb32960.protocol.wire.DataTime;

import java.util.List;

/**
 * The benchmark's typical realtime frames. 2016: 0x01, 0x02 with 2 motors, 0x05, 0x06, 0x07, 0x08
 * with 1 subsystem of 96 cells, 0x09 with 32 probes (354 bytes). 2025: the same content in 2025
 * layouts (no extremes block) plus a 0xFF SM2-sized signature trailer (64-byte R and S).
 */
public final class TypicalFrames {

    static final String VIN = "LGB32960TEST00001";
    private static final DataTime TIME = DataTime.of(2026, 11, 21, 10, 30, 15);

    private TypicalFrames() {
    }

    public static TelemetryReport report2016() {
        FrameHeader h = FrameHeader.command(Edition.V2016, CommandId.REALTIME_REPORT.id(), VIN);
        List<InfoUnit> units = List.of(
                new VehicleData2016(1, 3, 1, 523, 1234567, 3800, 10150, 76, 1, 0x2E, 5000, 20, 0),
                DriveMotors.of(List.of(
                        new DriveMotor2016(1, 1, 85, 23000, 21000, 90, 3790, 10120),
                        new DriveMotor2016(2, 1, 84, 22950, 20900, 88, 3790, 10090))),
                new Position2016(0, 121473701, 31230416),
                new Extremes2016(1, 17, 3312, 1, 54, 3290, 1, 3, 68, 1, 21, 63),
                new Alarm2016(0, 0, FaultCodes.NONE, FaultCodes.NONE, FaultCodes.NONE, FaultCodes.NONE),
                new CellVoltages2016(List.of(new CellVoltages2016.Subsystem(1, 3800, 10150, 96, 1, cells(96)))),
                new ProbeTemperatures(List.of(new ProbeTemperatures.Group(1, probes(32)))));
        return TelemetryReport.of(h, TIME, units);
    }

    public static TelemetryReport report2025() {
        FrameHeader h = FrameHeader.command(Edition.V2025, CommandId.REALTIME_REPORT.id(), VIN);
        List<InfoUnit> units = List.of(
                new VehicleData2025(1, 3, 1, 523, 1234567, 3800, 30150, 76, 1, 0x2E, 5000),
                DriveMotors.of(List.of(
                        new DriveMotor2025(1, 1, 85, 35000, 210000, 90),
                        new DriveMotor2025(2, 1, 84, 34950, 209000, 88))),
                new Position2025(0, 1, 121473701, 31230416),
                new Alarm2025(0, 0, FaultCodes.NONE, FaultCodes.NONE, FaultCodes.NONE, FaultCodes.NONE, List.of()),
                new CellVoltages2025(List.of(new CellVoltages2025.Pack(1, 3800, 30150, cells(96)))),
                new ProbeTemperatures(List.of(new ProbeTemperatures.Group(1, probes(32)))));
        Signature sig = new Signature(Signature.SM2, filled(64, 0x5A), filled(64, 0xA5));
        return new TelemetryReport(h, TIME, units, sig, SignatureStatus.ABSENT, Bytes.EMPTY);
    }

    /**
     * A 2016 realtime frame like {@link #report2016()} but of vehicle {@code vehicle} at its own
     * moment, with values that differ from frame to frame as a fleet's do (speed, current, SOC,
     * position, every cell voltage and probe): what a producer batch of many vehicles holds.
     */
    public static byte[] varied2016(java.util.Random r, int vehicle, int second) {
        String vin = String.format("LGB32960V%08d", vehicle);
        FrameHeader h = FrameHeader.command(Edition.V2016, CommandId.REALTIME_REPORT.id(), vin);
        int[] cells = new int[96];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = 3250 + r.nextInt(120);
        }
        byte[] probes = new byte[32];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = (byte) (60 + r.nextInt(15));
        }
        int speed = r.nextInt(1200);
        int current = 9000 + r.nextInt(2500);
        List<InfoUnit> units = List.of(
                new VehicleData2016(1, 3, 1, speed, 1_000_000 + r.nextInt(500_000), 3700 + r.nextInt(200), current,
                        20 + r.nextInt(80), 1, 0x2E, 5000, 20, 0),
                DriveMotors.of(List.of(
                        new DriveMotor2016(1, 1, 80 + r.nextInt(10), 20000 + r.nextInt(6000), 19000 + r.nextInt(4000),
                                85 + r.nextInt(10), 3700 + r.nextInt(200), current - r.nextInt(100)),
                        new DriveMotor2016(2, 1, 80 + r.nextInt(10), 20000 + r.nextInt(6000), 19000 + r.nextInt(4000),
                                85 + r.nextInt(10), 3700 + r.nextInt(200), current - r.nextInt(100)))),
                new Position2016(0, 121_000_000 + r.nextInt(1_000_000), 31_000_000 + r.nextInt(1_000_000)),
                new Extremes2016(1, 1 + r.nextInt(96), 3370, 1, 1 + r.nextInt(96), 3250, 1, 1 + r.nextInt(32), 74, 1,
                        1 + r.nextInt(32), 60),
                new Alarm2016(0, 0, FaultCodes.NONE, FaultCodes.NONE, FaultCodes.NONE, FaultCodes.NONE),
                new CellVoltages2016(List.of(new CellVoltages2016.Subsystem(1, 3800, current, 96, 1, WordArray.of(cells)))),
                new ProbeTemperatures(List.of(new ProbeTemperatures.Group(1, Bytes.of(probes)))));
        DataTime time = DataTime.of(2026, 11, 21, 10, second / 60 % 60, second % 60);
        return Gb32960Encoder.plain().encode(TelemetryReport.of(h, time, units));
    }

    public static byte[] frame2016() {
        return Gb32960Encoder.plain().encode(report2016());
    }

    public static byte[] frame2025() {
        return Gb32960Encoder.plain().encode(report2025());
    }

    private static WordArray cells(int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = 3290 + (i * 7) % 23;
        }
        return WordArray.of(v);
    }

    private static Bytes probes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (63 + i % 6);
        }
        return Bytes.of(b);
    }

    private static Bytes filled(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return Bytes.of(b);
    }
}
