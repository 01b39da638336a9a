package io.gb32960.admin.system;

import java.util.Objects;

/**
 * A request the admin backend refuses, with a message fit for the user (never a stack trace) and,
 * when one input field is at fault, its name.
 */
public class AdminException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public AdminException(ErrorCode code, String message) {
        this(code, null, message);
    }

    public AdminException(ErrorCode code, String field, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public static AdminException notFound(String what) {
        return new AdminException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static AdminException duplicate(String field, String message) {
        return new AdminException(ErrorCode.DUPLICATE, field, message);
    }

    public static AdminException invalid(String field, String message) {
        return new AdminException(ErrorCode.INVALID, field, message);
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field at fault, or null. */
    public String field() {
        return field;
    }
}
