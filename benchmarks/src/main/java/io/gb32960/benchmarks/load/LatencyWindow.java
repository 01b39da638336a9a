package io.gb32960.benchmarks.load;

/**
 * The latency histogram of a driver, which threads record into while the benchmark swaps it for a
 * fresh one at the start of the measurement window.
 */
final class LatencyWindow {

    private volatile Histogram current = new Histogram();

    void recordNanos(long nanos) {
        current.recordNanos(nanos);
    }

    /** What was recorded since the last {@link #reset}. */
    Histogram current() {
        return current;
    }

    /** Starts a fresh histogram and returns the old one. */
    Histogram reset() {
        Histogram old = current;
        current = new Histogram();
        return old;
    }
}
