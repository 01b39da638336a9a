package io.gb32960.protocol.fuzz;

import io.gb32960.protocol.wire.Hex;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Distinct fuzz failures, keyed by a signature (exception type and top frame, or the kind of
 * round-trip mismatch), each with its first input and a shrunk input that fails the same way.
 */
final class Findings {

    private static final int MAX_DISTINCT = 25;

    private final long seed;
    private final Map<String, String> first = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long total;

    Findings(long seed) {
        this.seed = seed;
    }

    boolean isEmpty() {
        return total == 0;
    }

    long total() {
        return total;
    }

    /**
     * Records a failure; the first input of each signature is shrunk with {@code stillFails}, which
     * must answer the signature an input fails with (or null when it passes).
     */
    void add(String signature, long iteration, byte[] input, Throwable cause,
             Function<byte[], String> stillFails) {
        total++;
        counts.merge(signature, 1L, Long::sum);
        if (first.containsKey(signature) || first.size() >= MAX_DISTINCT) {
            return;
        }
        byte[] small = shrink(input, b -> signature.equals(stillFails.apply(b)));
        StringBuilder sb = new StringBuilder();
        sb.append("== ").append(signature).append('\n')
                .append("   seed=0x").append(Long.toHexString(seed)).append(" iteration=").append(iteration).append('\n')
                .append("   input (").append(input.length).append(" bytes): ").append(Hex.encode(input)).append('\n')
                .append("   shrunk (").append(small.length).append(" bytes): ").append(Hex.encode(small)).append('\n');
        if (cause != null) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            String[] lines = trace.toString().split("\n");
            for (int i = 0; i < Math.min(lines.length, 8); i++) {
                sb.append("   ").append(lines[i]).append('\n');
            }
        }
        first.put(signature, sb.toString());
    }

    String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(total).append(" failing inputs, ").append(first.size()).append(" distinct (seed 0x")
                .append(Long.toHexString(seed)).append(")\n");
        counts.forEach((signature, n) -> sb.append("   ").append(n).append(" x ").append(signature).append('\n'));
        first.values().forEach(sb::append);
        return sb.toString();
    }

    /**
     * Greedy shrinking: drop ranges of halving size (keeping the length field and BCC consistent
     * when that keeps the failure), then zero single data-unit bytes. Bounded.
     */
    static byte[] shrink(byte[] input, Predicate<byte[]> fails) {
        byte[] best = input;
        int budget = 4_000;
        for (int size = Math.max(1, best.length / 2); size >= 1 && budget > 0; size /= 2) {
            boolean progress = true;
            while (progress && budget > 0) {
                progress = false;
                for (int at = 2; at + size <= best.length && budget > 0; at++) {
                    byte[] cut = new byte[best.length - size];
                    System.arraycopy(best, 0, cut, 0, at);
                    System.arraycopy(best, at + size, cut, at, best.length - at - size);
                    byte[] fixed = cut.clone();
                    Mutator.fixLength(fixed);
                    Mutator.fixBcc(fixed);
                    budget -= 2;
                    if (fails.test(fixed)) {
                        best = fixed;
                        progress = true;
                        break;
                    }
                    if (fails.test(cut)) {
                        best = cut;
                        progress = true;
                        break;
                    }
                }
            }
        }
        return best;
    }
}
