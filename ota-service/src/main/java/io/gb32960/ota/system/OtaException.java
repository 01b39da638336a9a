package io.gb32960.ota.system;

import java.util.Objects;

/** A request the OTA service refuses, with a message fit for the user and, when one field is at fault, its name. */
public class OtaException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public OtaException(ErrorCode code, String field, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public static OtaException notFound(String what) {
        return new OtaException(ErrorCode.NOT_FOUND, null, what + " not found");
    }

    public static OtaException duplicate(String field, String message) {
        return new OtaException(ErrorCode.DUPLICATE, field, message);
    }

    public static OtaException invalid(String field, String message) {
        return new OtaException(ErrorCode.INVALID, field, message);
    }

    public static OtaException conflict(String message) {
        return new OtaException(ErrorCode.CONFLICT, null, message);
    }

    public static OtaException forbidden(String field, String message) {
        return new OtaException(ErrorCode.FORBIDDEN, field, message);
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field at fault, or null. */
    public String field() {
        return field;
    }
}
