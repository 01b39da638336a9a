package io.gb32960.protocol.unit;

/** 2025 engine (Table 20): crankshaft speed only. */
public record Engine2025(int crankshaftSpeedRaw) implements Engine {

    public static final int LENGTH = 2;
}
