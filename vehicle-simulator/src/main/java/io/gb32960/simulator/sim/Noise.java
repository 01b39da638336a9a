package io.gb32960.simulator.sim;

/**
 * Stateless pseudo-random numbers (the SplitMix64 finalizer): per-cell offsets and per-frame jitter
 * are functions of (seed, index, tick), so a vehicle stores a seed instead of arrays.
 */
final class Noise {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Noise() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long a, long b) {
        return mix(seed + GOLDEN * (a + 1) + 0x632BE59BD9B4E019L * (b + 1));
    }

    /** A value in [0, 1) from a hash. */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** An integer in [-span, span] from a hash. */
    static int symmetric(long hash, int span) {
        return (int) Math.floorMod(hash, 2L * span + 1) - span;
    }

    /** Advances an xorshift state; never returns 0 for a non-zero state. */
    static long next(long state) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        return state;
    }
}
