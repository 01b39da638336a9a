package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;

/** 2025 drive motor, 10 bytes (Table 16): torque is a DWORD, controller voltage/current removed. */
public record DriveMotor2025(int sequence, int state, int controllerTempRaw, int speedRaw, long torqueRaw,
                             int motorTempRaw) implements DriveMotor {

    public static final int LENGTH = 10;

    @Override
    public Quantity controllerTempC() {
        return Scale.ofByte(controllerTempRaw, 1, -40);
    }

    /** Offset -32000 rpm. */
    @Override
    public Quantity speedRpm() {
        return Scale.ofWord(speedRaw, 1, -32000);
    }

    /** 0.1 N·m, offset -20000 N·m. */
    @Override
    public Quantity torqueNm() {
        return Scale.ofDword(torqueRaw, 0.1, -20000);
    }

    @Override
    public Quantity motorTempC() {
        return Scale.ofByte(motorTempRaw, 1, -40);
    }
}
