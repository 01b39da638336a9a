package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;

/** 2025 super-capacitor extremes (超级电容器极值数据), info type 0x32, 18 bytes (Table 26). */
public record SuperCapacitorExtremes(int maxVoltageSystem, int maxVoltageCell, int maxCellVoltageRaw,
                                     int minVoltageSystem, int minVoltageCell, int minCellVoltageRaw,
                                     int maxTempSystem, int maxTempProbe, int maxTempRaw,
                                     int minTempSystem, int minTempProbe, int minTempRaw) implements InfoUnit {

    public static final int LENGTH = 18;

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
