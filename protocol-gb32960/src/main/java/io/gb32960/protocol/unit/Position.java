package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;

/**
 * Vehicle position (车辆位置数据), info type 0x05 (2016 Tables 14/15, 2025 Tables 21/22). Status bit 0:
 * 1 = invalid fix; bit 1: south; bit 2: west. Coordinates are unsigned degrees × 10^6.
 */
public sealed interface Position extends InfoUnit permits Position2016, Position2025 {

    int status();

    long longitudeRaw();

    long latitudeRaw();

    default boolean valid() {
        return (status() & 0x01) == 0;
    }

    default boolean south() {
        return (status() & 0x02) != 0;
    }

    default boolean west() {
        return (status() & 0x04) != 0;
    }

    /** Signed degrees, west negative; 0xFFFFFFFE/0xFFFFFFFF are abnormal/invalid, not coordinates. */
    default Quantity longitude() {
        return signed(Scale.ofDword(longitudeRaw(), 0.000001, 0), west());
    }

    /** Signed degrees, south negative; 0xFFFFFFFE/0xFFFFFFFF are abnormal/invalid, not coordinates. */
    default Quantity latitude() {
        return signed(Scale.ofDword(latitudeRaw(), 0.000001, 0), south());
    }

    private static Quantity signed(Quantity q, boolean negative) {
        return negative && q.isValid() ? Quantity.of(-q.value()) : q;
    }
}
