package io.gb32960.consumers.frame;

import java.util.Objects;

/** A record that is not stored: why, in a word and in a sentence. */
public record Rejection(RejectReason reason, String detail) implements FrameOutcome {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
