package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;

/** Engine data (发动机数据), info type 0x04 (2016 Table 13, 2025 Table 20). */
public sealed interface Engine extends InfoUnit permits Engine2016, Engine2025 {

    int crankshaftSpeedRaw();

    default Quantity crankshaftSpeedRpm() {
        return Scale.ofWord(crankshaftSpeedRaw(), 1, 0);
    }
}
