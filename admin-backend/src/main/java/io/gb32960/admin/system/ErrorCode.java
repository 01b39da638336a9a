package io.gb32960.admin.system;

/** Why a request failed, independent of how it is shown (problem JSON, page); HTTP status in {@link ApiExceptionHandler}. */
public enum ErrorCode {
    /** The addressed thing does not exist. */
    NOT_FOUND,
    /** A unique value is taken (VIN, ICCID, user name...). */
    DUPLICATE,
    /** A value is wrong in a way the field validation could not tell (a reference to nothing, a rule). */
    INVALID,
    /** The change would break a rule about the state (the last administrator, one's own account). */
    CONFLICT,
    /** Redis, a node or another service did not answer. */
    UNAVAILABLE,
    /** Too many attempts (failed passwords): wait. */
    TOO_MANY
}
