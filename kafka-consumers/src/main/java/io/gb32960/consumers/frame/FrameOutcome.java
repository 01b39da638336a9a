package io.gb32960.consumers.frame;

/** What became of one telemetry record: a frame to store, or a rejection to dead-letter. */
public sealed interface FrameOutcome permits DecodedFrame, Rejection {
}
