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
    public boolean accepts(InfoUnit unit) {
        Class<?> kind = v2025 ? DriveMotor2025.class : DriveMotor2016.class;
        return unit instanceof DriveMotors d && d.motors().stream().allMatch(kind::isInstance);
    }

    @Override
    public DriveMotors decode(WireReader in) {
        int count = in.u8();
        if (count >= 0xFE) {
            return new DriveMotors(count, List.of()); // abnormal/invalid count: no motors follow
        }
        in.require(count * (v2025 ? DriveMotor2025.LENGTH : DriveMotor2016.LENGTH), "drive motors");
        DriveMotor[] motors = new DriveMotor[count];
        for (int i = 0; i < count; i++) {
            motors[i] = v2025
                    ? new DriveMotor2025(in.u8(), in.u8(), in.u8(), in.u16(), in.u32(), in.u8())
                    : new DriveMotor2016(in.u8(), in.u8(), in.u8(), in.u16(), in.u16(), in.u8(), in.u16(), in.u16());
        }
        return new DriveMotors(count, OwnedList.of(motors));
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
