package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;

/** 2016 extreme values (极值数据), info type 0x06, 14 bytes (Table 16). Removed in 2025. */
public record Extremes2016(int maxVoltageSubsystem, int maxVoltageCell, int maxCellVoltageRaw,
                           int minVoltageSubsystem, int minVoltageCell, int minCellVoltageRaw,
                           int maxTempSubsystem, int maxTempProbe, int maxTempRaw,
                           int minTempSubsystem, int minTempProbe, int minTempRaw) implements InfoUnit {

    public static final int LENGTH = 14;

    public Quantity maxCellVoltageV() {
        return Scale.ofWord(maxCellVoltageRaw, 0.001, 0);
    }

    public Quantity minCellVoltageV() {
        return Scale.ofWord(minCellVoltageRaw, 0.001, 0);
    }

    public Quantity maxTempC() {
        return Scale.ofByte(maxTempRaw, 1, -40);
    }

    public Quantity minTempC() {
        return Scale.ofByte(minTempRaw, 1, -40);
    }
}
