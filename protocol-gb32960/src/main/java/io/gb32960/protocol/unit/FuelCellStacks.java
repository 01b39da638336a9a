package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;
import io.gb32960.protocol.wire.Bytes;

import java.util.List;
import java.util.Objects;

/** 2025 fuel-cell stacks (燃料电池电堆数据), info type 0x30 (Tables 18/19). */
public record FuelCellStacks(List<Stack> stacks) implements InfoUnit {

    public FuelCellStacks {
        Objects.requireNonNull(stacks, "stacks");
    }

    public record Stack(int number, int voltageRaw, int currentRaw, int h2InletPressureRaw,
                        int airInletPressureRaw, int airInletTempRaw, Bytes coolantOutletTempsRaw) {

        public Quantity voltageV() {
            return Scale.ofWord(voltageRaw, 0.1, 0);
        }

        public Quantity currentA() {
            return Scale.ofWord(currentRaw, 0.1, 0);
        }

        /** 0.1 kPa, offset -100 kPa. */
        public Quantity h2InletPressureKpa() {
            return Scale.ofWord(h2InletPressureRaw, 0.1, -100);
        }

        public Quantity airInletPressureKpa() {
            return Scale.ofWord(airInletPressureRaw, 0.1, -100);
        }

        public Quantity airInletTempC() {
            return Scale.ofByte(airInletTempRaw, 1, -40);
        }

        public Quantity coolantOutletTempC(int index) {
            return Scale.ofByte(coolantOutletTempsRaw.get(index), 1, -40);
        }
    }
}
