package io.gb32960.protocol.unit;

/**
 * The gear byte (档位, Annex A.1): bits 0-3 the gear (0 neutral, 1-6 forward gears, 13 reverse,
 * 14 D, 15 P; 7-12 read as gears 7-12), bit 4 braking force, bit 5 driving force, and in 2025 bit 7
 * "gear invalid".
 */
public record Gear(int raw) {

    public static Gear of(int raw) {
        return new Gear(raw);
    }

    public int gearCode() {
        return raw & 0x0F;
    }

    public String gearName() {
        int g = gearCode();
        return switch (g) {
            case 0 -> "N";
            case 13 -> "R";
            case 14 -> "D";
            case 15 -> "P";
            default -> Integer.toString(g);
        };
    }

    public boolean brakingForce() {
        return (raw & 0x10) != 0;
    }

    public boolean drivingForce() {
        return (raw & 0x20) != 0;
    }

    /** 2025 A.1: bit 7 set means the gear is not valid. */
    public boolean invalidFlag() {
        return (raw & 0x80) != 0;
    }
}
