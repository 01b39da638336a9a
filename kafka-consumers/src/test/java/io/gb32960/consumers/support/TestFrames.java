package io.gb32960.consumers.support;

import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.crypto.DataUnitCipher;
import io.gb32960.protocol.crypto.SignatureSigner;
import io.gb32960.protocol.crypto.StaticKeyProvider;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.FrameLayout;
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

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Realistic realtime/reissue frames built from records with the protocol encoder: whole vehicle, two
 * motors, position, (2016) extremes, alarm, 96 cell voltages, 32 probe temperatures; 2025 frames end
 * in an SM2-sized signature (64-byte R and S), unchecked unless a key is configured.
 *
 * @param speedRaw  0.1 km/h
 * @param level     alarm level
 * @param flags     general alarm flags
 * @param faults    storage fault codes
 */
public record TestFrames(Edition edition, CommandId command, String vin, LocalDateTime beijingTime, int speedRaw,
                         int soc, int level, long flags, long[] faults) {

    public static final Gb32960Encoder ENCODER = Gb32960Encoder.plain();

    public static TestFrames realtime(Edition edition, String vin, LocalDateTime beijingTime) {
        return new TestFrames(edition, CommandId.REALTIME_REPORT, vin, beijingTime, 523, 76, 0, 0, new long[0]);
    }

    public TestFrames reissue() {
        return new TestFrames(edition, CommandId.REISSUE_REPORT, vin, beijingTime, speedRaw, soc, level, flags, faults);
    }

    public TestFrames speed(int raw) {
        return new TestFrames(edition, command, vin, beijingTime, raw, soc, level, flags, faults);
    }

    public TestFrames soc(int percent) {
        return new TestFrames(edition, command, vin, beijingTime, speedRaw, percent, level, flags, faults);
    }

    public TestFrames alarm(int maxLevel, long flagBits, long... storageFaults) {
        return new TestFrames(edition, command, vin, beijingTime, speedRaw, soc, maxLevel, flagBits, storageFaults);
    }

    public TelemetryReport report() {
        FrameHeader h = FrameHeader.command(edition, command.id(), vin);
        DataTime t = DataTime.of(beijingTime);
        List<InfoUnit> units = new ArrayList<>();
        if (edition == Edition.V2016) {
            units.add(new VehicleData2016(1, 3, 1, speedRaw, 1234567, 3800, 10150, soc, 1, 0x2E, 5000, 20, 0));
            units.add(DriveMotors.of(List.of(new DriveMotor2016(1, 1, 85, 23000, 21000, 90, 3790, 10120),
                    new DriveMotor2016(2, 1, 84, 22950, 20900, 88, 3790, 10090))));
            units.add(new Position2016(0, 121473701, 31230416));
            units.add(new Extremes2016(1, 17, 3312, 1, 54, 3290, 1, 3, 68, 1, 21, 63));
            units.add(new Alarm2016(level, flags, FaultCodes.of(faults), FaultCodes.NONE, FaultCodes.NONE, FaultCodes.NONE));
            units.add(new CellVoltages2016(List.of(new CellVoltages2016.Subsystem(1, 3800, 10150, 96, 1, cells(96)))));
            units.add(new ProbeTemperatures(List.of(new ProbeTemperatures.Group(1, probes(32)))));
            return TelemetryReport.of(h, t, units);
        }
        units.add(new VehicleData2025(1, 3, 1, speedRaw, 1234567, 3800, 30150, soc, 1, 0x2E, 5000));
        units.add(DriveMotors.of(List.of(new DriveMotor2025(1, 1, 85, 35000, 210000, 90),
                new DriveMotor2025(2, 1, 84, 34950, 209000, 88))));
        units.add(new Position2025(0, 1, 121473701, 31230416));
        units.add(new Alarm2025(level, flags, FaultCodes.of(faults), FaultCodes.NONE, FaultCodes.NONE, FaultCodes.NONE,
                level > 0 && flags != 0 ? List.of(new Alarm2025.FlagLevel(Long.numberOfTrailingZeros(flags), level)) : List.of()));
        units.add(new CellVoltages2025(List.of(new CellVoltages2025.Pack(1, 3800, 30150, cells(96)))));
        units.add(new ProbeTemperatures(List.of(new ProbeTemperatures.Group(1, probes(32)))));
        Signature sig = new Signature(Signature.SM2, filled(64, 0x5A), filled(64, 0xA5));
        return new TelemetryReport(h, t, units, sig, SignatureStatus.ABSENT, Bytes.EMPTY);
    }

    public byte[] frame() {
        return ENCODER.encode(report());
    }

    /** The report signed by {@code signer} over collection time .. last item (2025). */
    public TelemetryReport signedReport(SignatureSigner signer) {
        TelemetryReport r = report();
        byte[] unsigned = ENCODER.encode(TelemetryReport.of(r.header(), r.time(), r.units()));
        Signature sig = signer.sign(unsigned, FrameLayout.HEADER_LENGTH, unsigned.length - FrameLayout.HEADER_LENGTH - 1);
        return new TelemetryReport(r.header(), r.time(), r.units(), sig, SignatureStatus.ABSENT, Bytes.EMPTY);
    }

    /** {@code report} with its data unit encrypted by {@code cipher} under {@code type}. */
    public static byte[] encrypted(TelemetryReport report, EncryptionType type, DataUnitCipher cipher) {
        String vin = report.header().vin();
        Gb32960Encoder encoder = new Gb32960Encoder(StaticKeyProvider.builder().cipher(vin, type, cipher).build());
        return encoder.encode(new TelemetryReport(report.header().withEncryption(type.id()), report.time(), report.units(),
                report.signature(), SignatureStatus.ABSENT, report.trailer()));
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
        Arrays.fill(b, (byte) value);
        return Bytes.of(b);
    }
}
