package io.gb32960.benchmarks.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel's TCP counters that explain slow connection set-up in a burst ({@code /proc/net/netstat},
 * TcpExt): connections dropped because an accept queue was full, and SYNs sent again because of it.
 */
final class TcpCounters {

    private static final String[] NAMES = {"ListenOverflows", "ListenDrops", "TCPSynRetrans", "TCPTimeouts"};

    private TcpCounters() {
    }

    /** The counters now, by name; empty when they cannot be read. */
    static Map<String, Long> now() {
        Map<String, Long> out = new LinkedHashMap<>();
        try {
            String[] lines = Cpu.read(Path.of("/proc/net/netstat")).split("\n");
            for (int i = 0; i + 1 < lines.length; i += 2) {
                if (!lines[i].startsWith("TcpExt:")) {
                    continue;
                }
                String[] names = lines[i].trim().split("\\s+");
                String[] values = lines[i + 1].trim().split("\\s+");
                for (String wanted : NAMES) {
                    for (int k = 1; k < names.length && k < values.length; k++) {
                        if (names[k].equals(wanted)) {
                            out.put(wanted, Long.parseLong(values[k]));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or another layout: the run goes without them
        }
        return out;
    }

    /** {@code after - before}, counter by counter. */
    static Map<String, Object> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Object> out = new LinkedHashMap<>();
        after.forEach((name, value) -> out.put(name, value - before.getOrDefault(name, 0L)));
        return out;
    }
}
