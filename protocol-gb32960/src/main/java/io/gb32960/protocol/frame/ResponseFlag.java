package io.gb32960.protocol.frame;

/**
 * Response flag (应答标志) values, 2016 Table 4 and 2025 Table 4. Kept as raw {@code int}s in
 * headers; these are the named values.
 */
public final class ResponseFlag {

    public static final int SUCCESS = 0x01;
    /** 2016: setting not successful; 2025: other error (format or content). */
    public static final int ERROR = 0x02;
    public static final int VIN_DUPLICATE = 0x03;
    /** 2025 only. */
    public static final int VIN_NOT_FOUND = 0x04;
    /** 2025 only: 验签错误. */
    public static final int SIGNATURE_ERROR = 0x05;
    /** 2025 only. */
    public static final int STRUCTURE_ERROR = 0x06;
    /** 2025 only. */
    public static final int DECRYPTION_ERROR = 0x07;
    /** The frame is a command, not a response. */
    public static final int COMMAND = 0xFE;

    private ResponseFlag() {
    }

    public static boolean isCommand(int flag) {
        return flag == COMMAND;
    }

    public static String nameOf(int flag) {
        return switch (flag) {
            case SUCCESS -> "success";
            case ERROR -> "error";
            case VIN_DUPLICATE -> "vinDuplicate";
            case VIN_NOT_FOUND -> "vinNotFound";
            case SIGNATURE_ERROR -> "signatureError";
            case STRUCTURE_ERROR -> "structureError";
            case DECRYPTION_ERROR -> "decryptionError";
            case COMMAND -> "command";
            default -> "unknown";
        };
    }
}
