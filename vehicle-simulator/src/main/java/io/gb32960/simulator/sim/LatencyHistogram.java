package io.gb32960.simulator.sim;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free log-linear histogram of latencies in microseconds: exact below 64 µs, then 32
 * buckets per power of two (about 3 % relative error), up to 2^40 µs. Safe to record from several
 * event loops at once.
 */
final class LatencyHistogram {

    private static final int LINEAR = 64;
    private static final int SUB_BITS = 5;
    private static final int SUB = 1 << SUB_BITS;
    private static final int MAX_EXPONENT = 40;
    private static final int BUCKETS = LINEAR + (MAX_EXPONENT - 6) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    void recordNanos(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        counts.incrementAndGet(index(micros));
        count.incrementAndGet();
        max.accumulateAndGet(micros, Math::max);
    }

    long count() {
        return count.get();
    }

    long maxMicros() {
        return max.get();
    }

    /** The value at quantile {@code q} (0..1] in µs, at most the recorded maximum; 0 when empty. */
    long percentileMicros(double q) {
        long total = count.get();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(representative(i), max.get());
            }
        }
        return max.get();
    }

    static int index(long micros) {
        if (micros < LINEAR) {
            return (int) micros;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        if (exponent >= MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int sub = (int) (micros >>> (exponent - SUB_BITS)) & (SUB - 1);
        return LINEAR + (exponent - 6) * SUB + sub;
    }

    /** The middle of bucket {@code i}. */
    static long representative(int i) {
        if (i < LINEAR) {
            return i;
        }
        int exponent = (i - LINEAR) / SUB + 6;
        int sub = (i - LINEAR) % SUB;
        long width = 1L << (exponent - SUB_BITS);
        return (SUB + sub) * width + width / 2;
    }
}
