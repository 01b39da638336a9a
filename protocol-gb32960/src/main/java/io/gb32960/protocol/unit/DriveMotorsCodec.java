package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

import io.gb32960.protocol.value.OwnedList;

import java.util.List;

/** Info type 0x02: count BYTE, then 12-byte (2016 Table 11) or 10-byte (2025 Table 16) motors. */
final class DriveMotorsCodec implements InfoUnitCodec<DriveMotors> {

    private final boolean v2025;

    DriveMotorsCodec(boolean v2025) {
        this.v2025 = v2025;
    }

    @Override
    public int typeId() {
        return 0x02;
    }

    @Override
    public Class<DriveMotors> unitType() {
        return DriveMotors.class;
    }

    @Override
    public DriveMotors decode(WireReader in) {
        int count = in.u8();
        if (count >= 0xFE) {
            return new DriveMotors(count, List.of()); // abnormal/invalid count: no motors follow
        }
        in.require(count * (v2025 ? DriveMotor2025.LENGTH : DriveMotor2016.LENGTH), "drive motors");
        return new DriveMotors(count, v2025 ? OwnedList.read(count, in, DriveMotorsCodec::motor2025)
                : OwnedList.read(count, in, DriveMotorsCodec::motor2016));
    }

    private static DriveMotor2016 motor2016(WireReader in) {
        return new DriveMotor2016(in.u8(), in.u8(), in.u8(), in.u16(), in.u16(), in.u8(), in.u16(), in.u16());
    }

    private static DriveMotor2025 motor2025(WireReader in) {
        return new DriveMotor2025(in.u8(), in.u8(), in.u8(), in.u16(), in.u32(), in.u8());
    }

    @Override
    public void encode(DriveMotors u, WireWriter out) {
        out.u8(u.count());
        for (DriveMotor m : u.motors()) {
            if (v2025) {
                DriveMotor2025 d = cast(m, DriveMotor2025.class);
                out.u8(d.sequence()).u8(d.state()).u8(d.controllerTempRaw()).u16(d.speedRaw()).u32(d.torqueRaw())
                        .u8(d.motorTempRaw());
            } else {
                DriveMotor2016 d = cast(m, DriveMotor2016.class);
                out.u8(d.sequence()).u8(d.state()).u8(d.controllerTempRaw()).u16(d.speedRaw()).u16(d.torqueRaw())
                        .u8(d.motorTempRaw()).u16(d.controllerVoltageRaw()).u16(d.controllerCurrentRaw());
            }
        }
    }

    private static <T> T cast(DriveMotor m, Class<T> type) {
        if (!type.isInstance(m)) {
            throw new IllegalArgumentException("a " + m.getClass().getSimpleName() + " cannot be encoded as " + type.getSimpleName()
                   );
        }
        return type.cast(m);
    }
}
