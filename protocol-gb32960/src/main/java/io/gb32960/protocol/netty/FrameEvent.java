package io.gb32960.protocol.netty;

/** What the frame decoder emits: a checked {@link Gb32960Frame} or a {@link FrameFailure}. */
public sealed interface FrameEvent permits Gb32960Frame, FrameFailure {
}
