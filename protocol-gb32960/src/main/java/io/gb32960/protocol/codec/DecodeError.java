package io.gb32960.protocol.codec;

/** Why a frame or data unit was rejected. Every rejection names one of these. */
public enum DecodeError {
    /** Bytes before a start marker were discarded. */
    GARBAGE,
    /** The frame or a field inside the data unit ends early. */
    TRUNCATED,
    /** The start bytes are neither {@code ##} nor {@code $$}. */
    BAD_START,
    /** The declared data-unit length exceeds 65531. */
    LENGTH_OUT_OF_RANGE,
    /** The declared length disagrees with the bytes present. */
    LENGTH_MISMATCH,
    /** The check code does not match. */
    BAD_BCC,
    /** The command byte is not defined by either edition (nor platform-custom 0xC0-0xFE). */
    UNKNOWN_COMMAND,
    /** A field holds a value the layout does not allow (a count that disagrees, a missing separator, ...). */
    INVALID_FIELD,
    /** Bytes are left after a data unit that has a fixed end. */
    TRAILING_BYTES,
    /** A key was configured but the data unit did not decrypt. */
    DECRYPTION_FAILED
}
