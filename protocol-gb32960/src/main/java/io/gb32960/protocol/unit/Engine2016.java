package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;

/** 2016 engine, 5 bytes (Table 13). */
public record Engine2016(int state, int crankshaftSpeedRaw, int fuelConsumptionRaw) implements Engine {

    public static final int LENGTH = 5;

    /** L/100 km. */
    public Quantity fuelConsumptionLPer100Km() {
        return Scale.ofWord(fuelConsumptionRaw, 0.01, 0);
    }
}
