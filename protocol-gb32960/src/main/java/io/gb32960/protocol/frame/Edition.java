package io.gb32960.protocol.frame;

/**
 * The edition of the standard a frame follows, told by its start bytes (Table 2): {@code ##} for
 * GB/T 32960.3-2016, {@code $$} for GB/T 32960.3-2025. One server serves both, per frame.
 */
public enum Edition {
    V2016(0x23, "2016"),
    V2025(0x24, "2025");

    private final int startByte;
    private final String label;

    Edition(int startByte, String label) {
        this.startByte = startByte;
        this.label = label;
    }

    public int startByte() {
        return startByte;
    }

    public String label() {
        return label;
    }

    /** The edition whose start byte is {@code b}, or {@code null}. */
    public static Edition fromStartByte(int b) {
        return switch (b) {
            case 0x23 -> V2016;
            case 0x24 -> V2025;
            default -> null;
        };
    }
}
