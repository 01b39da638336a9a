package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;

/** 2016 drive motor, 12 bytes (Table 11). */
public record DriveMotor2016(int sequence, int state, int controllerTempRaw, int speedRaw, int torqueRaw,
                             int motorTempRaw, int controllerVoltageRaw, int controllerCurrentRaw)
        implements DriveMotor {

    public static final int LENGTH = 12;

    @Override
    public Quantity controllerTempC() {
        return Scale.ofByte(controllerTempRaw, 1, -40);
    }

    /** Offset -20000 rpm. */
    @Override
    public Quantity speedRpm() {
        return Scale.ofWord(speedRaw, 1, -20000);
    }

    /** 0.1 N·m, offset -2000 N·m. */
    @Override
    public Quantity torqueNm() {
        return Scale.ofWord(torqueRaw, 0.1, -2000);
    }

    @Override
    public Quantity motorTempC() {
        return Scale.ofByte(motorTempRaw, 1, -40);
    }

    public Quantity controllerVoltageV() {
        return Scale.ofWord(controllerVoltageRaw, 0.1, 0);
    }

    /** 0.1 A, offset -1000 A. */
    public Quantity controllerCurrentA() {
        return Scale.ofWord(controllerCurrentRaw, 0.1, -1000);
    }
}
