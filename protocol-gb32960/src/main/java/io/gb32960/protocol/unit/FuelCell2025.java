package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;

/** 2025 fuel-cell engine and on-board hydrogen system, 12 bytes (Table 17). */
public record FuelCell2025(int h2MaxTempRaw, int h2MaxTempProbe, int h2MaxConcentrationRaw,
                           int h2ConcentrationSensor, int h2MaxPressureRaw, int h2PressureSensor, int dcdcState,
                           int h2RemainingPercent, int dcdcTempRaw) implements FuelCell {

    public static final int LENGTH = 12;

    /** 1 °C, offset -40 °C. */
    public Quantity h2MaxTempC() {
        return Scale.ofWord(h2MaxTempRaw, 1, -40);
    }

    /** Volume fraction in %, 0.0001 % per step. */
    public Quantity h2MaxConcentrationPercent() {
        return Scale.ofWord(h2MaxConcentrationRaw, 0.0001, 0);
    }

    public Quantity h2MaxPressureMpa() {
        return Scale.ofWord(h2MaxPressureRaw, 0.1, 0);
    }

    public Quantity h2RemainingPercentValue() {
        return Scale.ofByte(h2RemainingPercent, 1, 0);
    }

    public Quantity dcdcTempC() {
        return Scale.ofByte(dcdcTempRaw, 1, -40);
    }
}
