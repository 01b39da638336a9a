package io.gb32960.protocol.frame;

/** Offsets and limits of the frame structure (Table 2, 6.1.2). */
public final class FrameLayout {

    /** start[2] + command[1] + response flag[1] + unique id[17] + encryption[1] + data length WORD[2]. */
    public static final int HEADER_LENGTH = 2 + 1 + 1 + 17 + 1 + 2;
    public static final int UNIQUE_ID_LENGTH = 17;
    public static final int COMMAND_OFFSET = 2;
    public static final int FLAG_OFFSET = 3;
    public static final int UNIQUE_ID_OFFSET = 4;
    public static final int ENCRYPTION_OFFSET = 21;
    public static final int LENGTH_OFFSET = 22;
    /** Valid data-unit lengths are 0..65531 (Table 2). */
    public static final int MAX_DATA_LENGTH = 65531;
    /** header 24 + data unit + BCC 1. */
    public static final int MIN_FRAME_LENGTH = HEADER_LENGTH + 1;
    public static final int MAX_FRAME_LENGTH = HEADER_LENGTH + MAX_DATA_LENGTH + 1;

    private FrameLayout() {
    }

    public static int frameLength(int dataLength) {
        return HEADER_LENGTH + dataLength + 1;
    }
}
