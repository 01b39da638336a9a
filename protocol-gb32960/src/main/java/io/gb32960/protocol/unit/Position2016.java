package io.gb32960.protocol.unit;

/** 2016 position, 9 bytes (Table 14). */
public record Position2016(int status, long longitudeRaw, long latitudeRaw) implements Position {

    public static final int LENGTH = 9;
}
