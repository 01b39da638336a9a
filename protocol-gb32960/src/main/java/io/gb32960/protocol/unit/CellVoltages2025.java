package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;
import io.gb32960.protocol.value.WordArray;

import java.util.List;
import java.util.Objects;

/** 2025 minimum-parallel-unit voltages, info type 0x07 (Tables 11/12): no start index, no frame split. */
public record CellVoltages2025(List<Pack> packs) implements CellVoltages {

    public CellVoltages2025 {
        Objects.requireNonNull(packs, "packs");
    }

    /** One pack: number, voltage, current (offset -3000 A), unit voltages (count WORD). */
    public record Pack(int number, int voltageRaw, int currentRaw, WordArray cellVoltagesRaw)
            implements CellVoltages.Pack {

        @Override
        public Quantity voltageV() {
            return Scale.ofWord(voltageRaw, 0.1, 0);
        }

        @Override
        public Quantity currentA() {
            return Scale.ofWord(currentRaw, 0.1, -3000);
        }
    }
}
