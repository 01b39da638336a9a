package io.gb32960.protocol.codec;

/**
 * The one exception the decoders throw for bad input. It carries a {@link DecodeError} so callers
 * count and answer rejections without parsing messages.
 */
public final class Gb32960DecodeException extends RuntimeException {

    private final DecodeError error;

    public Gb32960DecodeException(DecodeError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public Gb32960DecodeException(DecodeError error, String message, Throwable cause) {
        super(message, cause, false, false);
        this.error = error;
    }

    public DecodeError error() {
        return error;
    }
}
