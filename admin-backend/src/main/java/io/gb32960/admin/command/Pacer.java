package io.gb32960.admin.command;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Spaces events evenly at a rate (no bursts: unlike a token bucket, an idle pacer does not let a
 * second's worth through at once). Used by one thread.
 */
final class Pacer {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final LongConsumer park;
    private long next;

    Pacer(int perSecond) {
        this(perSecond, System::nanoTime, LockSupport::parkNanos);
    }

    Pacer(int perSecond, LongSupplier nanoTime, LongConsumer park) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1 per second");
        }
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.nanoTime = nanoTime;
        this.park = park;
        this.next = nanoTime.getAsLong();
    }

    /** Waits until the next event may happen. */
    void acquire() {
        long now = nanoTime.getAsLong();
        if (next - now > 0) {
            long wait = next - now;
            while (wait > 0) {
                park.accept(wait);
                wait = next - nanoTime.getAsLong();
            }
            next += intervalNanos;
        } else {
            next = now + intervalNanos;
        }
    }
}
