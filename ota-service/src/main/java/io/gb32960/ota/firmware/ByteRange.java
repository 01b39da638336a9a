package io.gb32960.ota.firmware;

import java.util.Optional;

/**
 * One byte range of a file (RFC 9110 §14): {@code first..last} inclusive.
 */
record ByteRange(long first, long last) {

    long length() {
        return last - first + 1;
    }

    /**
     * The single range of a {@code Range} header for a file of {@code size} bytes: empty when the
     * header is absent or asks for several ranges (the whole file is then sent, as RFC 9110 allows);
     * null when it is unsatisfiable or malformed (416).
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.trim();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null;
        }
        String spec = h.substring(6).trim();
        if (spec.contains(",")) {
            return Optional.empty();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix <= 0 || size == 0) {
                    return null;
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (first < 0 || first >= size || last < first) {
                return null;
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
