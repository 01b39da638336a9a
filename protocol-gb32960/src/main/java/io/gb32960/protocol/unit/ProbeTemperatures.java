package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;
import io.gb32960.protocol.wire.Bytes;

import java.util.List;
import java.util.Objects;

/**
 * Battery probe temperatures: 2016 info type 0x09 (Tables B.7/B.8), 2025 info type 0x08
 * (Tables 13/14); the same layout in both: count BYTE, then per pack number BYTE, probe count WORD,
 * one BYTE (offset -40 °C) per probe.
 */
public record ProbeTemperatures(List<Group> groups) implements InfoUnit {

    public ProbeTemperatures {
        Objects.requireNonNull(groups, "groups");
    }

    public record Group(int number, Bytes temperaturesRaw) {

        public int probeCount() {
            return temperaturesRaw.length();
        }

        public Quantity temperatureC(int index) {
            return Scale.ofByte(temperaturesRaw.get(index), 1, -40);
        }
    }
}
