package io.gb32960.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A concurrent log-linear latency histogram in microseconds: exact below 1,024 µs, then 512
 * sub-buckets per power of two (under 0.2 % error) up to about 10 minutes.
 */
final class Histogram {

    private static final int LINEAR = 1024;
    private static final int SUB = 512;
    private static final int MAX_SHIFT = 30;

    private final AtomicLongArray counts = new AtomicLongArray(LINEAR + MAX_SHIFT * SUB);

    void recordNanos(long nanos) {
        counts.incrementAndGet(index(Math.max(0, nanos / 1000)));
    }

    static int index(long micros) {
        if (micros < LINEAR) {
            return (int) micros;
        }
        int shift = Math.min(63 - Long.numberOfLeadingZeros(micros) - 9, MAX_SHIFT);
        long sub = Math.min((micros >> shift) - SUB, SUB - 1);
        return LINEAR + (shift - 1) * SUB + (int) sub;
    }

    /** The middle of bucket {@code i}, in microseconds. */
    static double value(int i) {
        if (i < LINEAR) {
            return i;
        }
        int shift = (i - LINEAR) / SUB + 1;
        long m = (i - LINEAR) % SUB + SUB;
        return (m << shift) + ((1L << shift) - 1) / 2.0;
    }

    long count() {
        long n = 0;
        for (int i = 0; i < counts.length(); i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** Percentile {@code q} (0..1) in milliseconds; NaN when empty. */
    double percentileMillis(double q) {
        long n = count();
        if (n == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return value(i) / 1000.0;
            }
        }
        return Double.NaN;
    }

    Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count());
        m.put("p50", Stats.round(percentileMillis(0.50), 2));
        m.put("p90", Stats.round(percentileMillis(0.90), 2));
        m.put("p99", Stats.round(percentileMillis(0.99), 2));
        m.put("max", Stats.round(percentileMillis(1.0), 2));
        return m;
    }
}
