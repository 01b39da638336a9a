package io.gb32960.standalone;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where everything listens, as printed in the banner and written to {@code endpoints.json} once
 * the platform is ready (scripts wait for that file).
 */
final class Endpoints {

    private final Map<String, String> entries = new LinkedHashMap<>();
    private final Map<String, String> shownOnce = new LinkedHashMap<>();

    synchronized void put(String name, String value) {
        entries.put(name, value);
    }

    /** A secret for the banner only (a password made at the first start), never written to disk. */
    synchronized void showOnce(String name, String value) {
        shownOnce.put(name, value);
    }

    synchronized String banner(long readyMillis) {
        int width = Stream.concat(entries.keySet().stream(), shownOnce.keySet().stream())
                .mapToInt(String::length).max().orElse(0);
        String line = "  %-" + width + "s %s%n";
        StringBuilder b = new StringBuilder();
        b.append("\n=== GB/T 32960 platform ready in ").append(readyMillis).append(" ms ===\n");
        entries.forEach((k, v) -> b.append(String.format(line, k, v)));
        if (!shownOnce.isEmpty()) {
            b.append("First start: these passwords are shown once; sign in and change them.\n");
            shownOnce.forEach((k, v) -> b.append(String.format(line, k, v)));
        }
        b.append("Ctrl-C stops everything.\n");
        return b.toString();
    }

    synchronized String json(long readyMillis) {
        StringBuilder b = new StringBuilder("{\n  \"readyMillis\": ").append(readyMillis);
        entries.forEach((k, v) -> b.append(",\n  \"").append(escape(k)).append("\": \"").append(escape(v)).append('"'));
        return b.append("\n}\n").toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
