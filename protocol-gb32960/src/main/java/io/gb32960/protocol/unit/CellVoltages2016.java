package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;
import io.gb32960.protocol.value.WordArray;

import java.util.List;
import java.util.Objects;

/** 2016 RESS voltages, info type 0x08 (Tables B.5/B.6); more than 200 cells are split across frames. */
public record CellVoltages2016(List<Subsystem> packs) implements CellVoltages {

    public CellVoltages2016 {
        Objects.requireNonNull(packs, "packs");
    }

    /**
     * One subsystem: number, voltage, current (offset -1000 A), total cell count, this frame's start
     * cell index, and this frame's cell voltages (m = array size, 1..200).
     */
    public record Subsystem(int number, int voltageRaw, int currentRaw, int totalCells, int startCell,
                            WordArray cellVoltagesRaw) implements CellVoltages.Pack {

        @Override
        public Quantity voltageV() {
            return Scale.ofWord(voltageRaw, 0.1, 0);
        }

        @Override
        public Quantity currentA() {
            return Scale.ofWord(currentRaw, 0.1, -1000);
        }
    }
}
