package io.gb32960.protocol.conformance;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.ValueState;
import io.gb32960.protocol.wire.DataTime;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import tools.jackson.databind.JsonNode;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Soft assertions for one entry's expected values, so a failing entry lists every field that
 * disagrees (path, expected, actual) instead of stopping at the first. Also the small JSON readers
 * the per-source mappers share.
 */
final class Check {

    static final double TOLERANCE = 1e-6;
    private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SoftAssertions soft = new SoftAssertions();
    private int count;

    /** Raw value against a JSON number (or a numeric string), when the key is present. */
    void num(String path, long actual, JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        if (n != null) {
            num(path + "." + key, actual, n);
        }
    }

    void num(String path, long actual, JsonNode expected) {
        count++;
        soft.assertThat(actual).as(path).isEqualTo(longOf(expected));
    }

    void eq(String path, Object actual, Object expected) {
        count++;
        soft.assertThat(actual).as(path).isEqualTo(expected);
    }

    void isTrue(String path, boolean condition) {
        count++;
        soft.assertThat(condition).as(path).isTrue();
    }

    /** A physical value: valid with {@code value} (within {@link #TOLERANCE}), or abnormal/invalid. */
    void quantity(String path, Quantity actual, ValueState state, double value) {
        count++;
        soft.assertThat(actual.state()).as(path + " state").isEqualTo(state);
        if (state == ValueState.VALID && actual.isValid()) {
            soft.assertThat(actual.value()).as(path).isCloseTo(value, Offset.offset(TOLERANCE));
        }
    }

    void quantity(String path, Quantity actual, double value) {
        quantity(path, actual, ValueState.VALID, value);
    }

    /** Asserts all collected checks; also that the mapper compared something. */
    void done(int minimumChecks) {
        soft.assertThat(count).as("number of expected values compared").isGreaterThanOrEqualTo(minimumChecks);
        soft.assertAll();
    }

    // ---- readers ----

    static long longOf(JsonNode n) {
        if (n.isNumber()) {
            return n.longValue();
        }
        String s = n.asString().trim();
        return s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
    }

    /** The leading hex number of texts like "0xFE (CMD)" or "0x05 PlatformLogin". */
    static int leadingHex(JsonNode n) {
        String s = n.asString().trim();
        int end = 2;
        while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0) {
            end++;
        }
        return Integer.parseInt(s.substring(2, end), 16);
    }

    /** A GMT+8 frame time as "yyyy-MM-dd HH:mm:ss" (how rtm_con and JTNewEnergy print it). */
    static String plain(DataTime t) {
        return t.toLocalDateTime().format(PLAIN);
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode n : array.values()) {
            out.add((int) longOf(n));
        }
        return out;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array.values()) {
            out.add(n.asString());
        }
        return out;
    }
}
