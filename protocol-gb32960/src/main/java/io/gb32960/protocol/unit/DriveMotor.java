package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;

/** One drive motor (驱动电机) of info type 0x02. */
public sealed interface DriveMotor permits DriveMotor2016, DriveMotor2025 {

    int sequence();

    int state();

    int controllerTempRaw();

    int speedRaw();

    int motorTempRaw();

    Quantity controllerTempC();

    Quantity speedRpm();

    Quantity torqueNm();

    Quantity motorTempC();
}
