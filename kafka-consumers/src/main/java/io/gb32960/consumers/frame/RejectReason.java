package io.gb32960.consumers.frame;

/** Why a record was dead-lettered instead of stored; the {@code reason} header of the dead letter. */
public enum RejectReason {
    /** The record has no value. */
    EMPTY,
    /** The frame does not decode (framing, length, BCC, a truncated or invalid field); the detail names the DecodeError. */
    DECODE_FAILED,
    /** A key for the vehicle is known but the data unit does not decrypt with it. */
    DECRYPTION_FAILED,
    /** The data unit is encrypted and no key for the vehicle is known. */
    NO_KEY,
    /** The 2025 signature does not verify against the vehicle's public key. */
    SIGNATURE_FAILED,
    /** The 2025 signature could not be checked (no public key) and verified signatures are required. */
    SIGNATURE_NOT_VERIFIED,
    /** The frame is not a realtime 0x02 or reissue 0x03 report. */
    NOT_TELEMETRY,
    /** The unique id of the frame is not a VIN that can be stored (empty, not printable ASCII). */
    INVALID_VIN,
    /** The record key names another vehicle than the frame. */
    VIN_MISMATCH,
    /** The collection time is not a calendar time. */
    INVALID_TIME,
    /** A vehicle event that is not valid JSON of the event contract. */
    MALFORMED_EVENT
}
