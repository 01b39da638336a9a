package io.gb32960.protocol.netty;

import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.FrameLayout;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.Heartbeat;
import io.gb32960.protocol.message.PackCodes;
import io.gb32960.protocol.message.PlatformCustomMessage;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.message.SignatureStatus;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.unit.DriveMotor2016;
import io.gb32960.protocol.unit.DriveMotor2025;
import io.gb32960.protocol.unit.DriveMotors;
import io.gb32960.protocol.unit.Engine2016;
import io.gb32960.protocol.unit.Engine2025;
import io.gb32960.protocol.unit.InfoUnit;
import io.gb32960.protocol.unit.Position2016;
import io.gb32960.protocol.unit.Position2025;
import io.gb32960.protocol.unit.UserDefinedUnit;
import io.gb32960.protocol.unit.VehicleData2016;
import io.gb32960.protocol.unit.VehicleData2025;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Valid messages of both editions, built as records and encoded, for the pipeline tests. */
final class TestMessages {

    static final String VIN = "LSVAU2180N2183294";
    static final DataTime TIME = DataTime.of(2024, 5, 17, 10, 30, 15);
    static final Gb32960Encoder ENCODER = Gb32960Encoder.plain();

    private TestMessages() {
    }

    static FrameHeader header(Edition edition, CommandId command) {
        return FrameHeader.command(edition, command.id(), VIN);
    }

    static Heartbeat heartbeat(Edition edition) {
        return new Heartbeat(header(edition, CommandId.HEARTBEAT));
    }

    static VehicleLogin login(Edition edition) {
        FixedString iccid = FixedString.of("89860321245960123456", VehicleLogin.ICCID_LENGTH);
        if (edition == Edition.V2016) {
            return new VehicleLogin(header(edition, CommandId.VEHICLE_LOGIN), TIME, 7, iccid,
                    new SubsystemCodes(2, 4, List.of(FixedString.of("BMS1", 4), FixedString.of("BMS2", 4))),
                    Bytes.EMPTY);
        }
        return new VehicleLogin(header(edition, CommandId.VEHICLE_LOGIN), TIME, 7, iccid,
                new PackCodes(Bytes.of((byte) 1, (byte) 1),
                        List.of(FixedString.of("0A1B2C3D4E5F6G7H8I9J0K1L", PackCodes.CODE_LENGTH),
                                FixedString.of("ZZ1B2C3D4E5F6G7H8I9J0K1L", PackCodes.CODE_LENGTH))),
                Bytes.EMPTY);
    }

    /** A realtime report with vehicle, motor, engine and position items (2025: with a signature). */
    static TelemetryReport telemetry(Edition edition) {
        FrameHeader h = header(edition, CommandId.REALTIME_REPORT);
        if (edition == Edition.V2016) {
            List<InfoUnit> units = List.of(
                    new VehicleData2016(1, 3, 1, 600, 123_456L, 3_500, 10_200, 80, 1, 0x2E, 5_000, 20, 0),
                    DriveMotors.of(List.of(new DriveMotor2016(1, 1, 80, 21_500, 20_500, 85, 3_500, 10_100))),
                    new Engine2016(1, 2_000, 500),
                    new Position2016(0, 116_397_128L, 39_916_527L));
            return TelemetryReport.of(h, TIME, units);
        }
        List<InfoUnit> units = List.of(
                new VehicleData2025(1, 3, 1, 600, 123_456L, 3_500, 30_200, 80, 1, 0x2E, 5_000),
                DriveMotors.of(List.of(new DriveMotor2025(1, 1, 80, 33_500, 205_000L, 85))),
                new Engine2025(2_000),
                new Position2025(0, 1, 116_397_128L, 39_916_527L));
        Signature signature = new Signature(Signature.RSA, Bytes.of(filled(64, 0x5A)), Bytes.EMPTY);
        return new TelemetryReport(h, TIME, units, signature, SignatureStatus.NOT_CHECKED, Bytes.EMPTY);
    }

    /** A realtime report whose data unit is exactly 65531 bytes: one user-defined item fills it. */
    static TelemetryReport maximumTelemetry(Edition edition) {
        int itemData = FrameLayout.MAX_DATA_LENGTH - 6 - 1 - 2; // time, item type, WORD item length
        return TelemetryReport.of(header(edition, CommandId.REALTIME_REPORT), TIME,
                List.of(new UserDefinedUnit(0x80, Bytes.of(randomBytes(itemData, 42)))));
    }

    /** Platform-custom 0xC0 data of exactly 65531 bytes. */
    static PlatformCustomMessage maximumCustom(Edition edition) {
        return new PlatformCustomMessage(FrameHeader.command(edition, 0xC0, VIN),
                Bytes.of(randomBytes(FrameLayout.MAX_DATA_LENGTH, 43)));
    }

    static List<Gb32960Message> samples(Edition edition) {
        return List.of(heartbeat(edition), login(edition), telemetry(edition));
    }

    static byte[] encode(Gb32960Message message) {
        return ENCODER.encode(message);
    }

    static byte[] dataUnit(byte[] frame) {
        return Arrays.copyOfRange(frame, FrameLayout.HEADER_LENGTH, frame.length - 1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static ByteBuf buf(byte[]... parts) {
        return Unpooled.wrappedBuffer(concat(parts));
    }

    static byte[] bytes(ByteBuf buf) {
        return ByteBufUtil.getBytes(buf);
    }

    static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /** Random bytes that contain neither start byte, so they can never look like {@code ##} or {@code $$}. */
    static byte[] garbage(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            int v;
            do {
                v = random.nextInt(256);
            } while (v == 0x23 || v == 0x24);
            b[i] = (byte) v;
        }
        return b;
    }
}
