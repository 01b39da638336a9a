package io.gb32960.access.telemetry;

import java.io.IOException;
import java.util.List;

/**
 * A durable first-in-first-out store of telemetry frames that Kafka has not accepted yet: written
 * when Kafka is slow or down, replayed in order when it returns, and kept across a restart of the
 * node. Bounded: when full, {@link #append} refuses and the caller stops reading from sockets.
 * Thread-safe.
 */
public interface SpillStore extends AutoCloseable {

    /**
     * Appends a frame at the tail.
     *
     * @return false when the store is full (nothing was written)
     * @throws IOException when the disk fails
     */
    boolean append(SpilledFrame frame) throws IOException;

    /** Up to {@code max} frames from the head, oldest first, without removing them. */
    List<SpilledFrame> peek(int max) throws IOException;

    /** Removes the {@code count} oldest frames (after Kafka acknowledged them). */
    void remove(int count) throws IOException;

    /** Frames stored. */
    long size();

    /** Bytes used on disk. */
    long bytes();

    @Override
    void close() throws IOException;
}
