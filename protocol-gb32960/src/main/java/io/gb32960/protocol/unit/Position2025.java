package io.gb32960.protocol.unit;

/** 2025 position, 10 bytes (Table 21): adds the coordinate system (1 WGS84, 2 GCJ02, 3 other). */
public record Position2025(int status, int coordinateSystem, long longitudeRaw, long latitudeRaw)
        implements Position {

    public static final int LENGTH = 10;

    public String coordinateSystemName() {
        return switch (coordinateSystem) {
            case 1 -> "WGS84";
            case 2 -> "GCJ02";
            case 3 -> "other";
            default -> "unknown";
        };
    }
}
