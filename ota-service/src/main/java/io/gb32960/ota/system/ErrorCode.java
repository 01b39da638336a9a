package io.gb32960.ota.system;

/** Why a request failed, independent of how it is shown; HTTP status in {@link ApiExceptionHandler}. */
public enum ErrorCode {
    /** The addressed thing does not exist (or belongs to another supplier). */
    NOT_FOUND,
    /** The same thing exists already (same digest, same model and version). */
    DUPLICATE,
    /** A value is wrong in a way field validation could not tell. */
    INVALID,
    /** The change does not fit the current state (a campaign that is not paused cannot resume). */
    CONFLICT,
    /** The upload is larger than the configured limit. */
    TOO_LARGE,
    /** Not allowed for this user (a supplier acting on another's model). */
    FORBIDDEN
}
