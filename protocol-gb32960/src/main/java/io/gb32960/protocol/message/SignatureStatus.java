package io.gb32960.protocol.message;

/** What became of a 2025 signature when the frame was decoded. */
public enum SignatureStatus {
    /** The frame carries no signature (all 2016 frames). */
    ABSENT,
    /** Verified against the vehicle's public key. */
    VERIFIED,
    /** Checked against the vehicle's public key and wrong. */
    FAILED,
    /** Present, but no public key is known for the vehicle, or the signature type is not supported. */
    NOT_CHECKED
}
