package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;
import io.gb32960.protocol.value.WordArray;
import io.gb32960.protocol.wire.Bytes;

/** 2025 super-capacitor (超级电容器数据), info type 0x31 (Table 25): one system, no count prefix. */
public record SuperCapacitor(int systemNumber, int voltageRaw, int currentRaw, WordArray cellVoltagesRaw,
                             Bytes probeTempsRaw) implements InfoUnit {

    public Quantity voltageV() {
        return Scale.ofWord(voltageRaw, 0.1, 0);
    }

    /** 0.1 A, offset -3000 A. */
    public Quantity currentA() {
        return Scale.ofWord(currentRaw, 0.1, -3000);
    }

    public Quantity cellVoltageV(int index) {
        return Scale.ofWord(cellVoltagesRaw.get(index), 0.001, 0);
    }

    public Quantity probeTempC(int index) {
        return Scale.ofByte(probeTempsRaw.get(index), 1, -40);
    }
}
