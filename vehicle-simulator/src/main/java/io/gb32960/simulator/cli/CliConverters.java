package io.gb32960.simulator.cli;

import io.gb32960.protocol.frame.Edition;
import io.gb32960.simulator.sim.Transport;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Option converters shared by the commands; a bad value makes picocli exit with status 2. */
final class CliConverters {

    private CliConverters() {
    }

    /** {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 1.5s}, a bare number of seconds, or ISO-8601 {@code PT10S}. */
    static final class DurationConverter implements ITypeConverter<Duration> {

        private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");

        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(java.util.Locale.ROOT);
            if (v.startsWith("p")) {
                try {
                    return Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
                } catch (DateTimeParseException e) {
                    throw new TypeConversionException("'" + value + "' is not a duration");
                }
            }
            Matcher m = SIMPLE.matcher(v);
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a duration (examples: 500ms, 10s, 5m, 1h)");
            }
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                case "h" -> amount * 3_600_000;
                default -> amount * 86_400_000;
            };
            if (millis > 1e15) {
                throw new TypeConversionException("'" + value + "' is too long");
            }
            return Duration.ofNanos(Math.round(millis * 1_000_000));
        }
    }

    /** {@code auto}, {@code epoll} or {@code nio}, in any case. */
    static final class TransportConverter implements ITypeConverter<Transport> {

        @Override
        public Transport convert(String value) {
            try {
                return Transport.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("transport must be auto, epoll or nio, not '" + value + "'");
            }
        }
    }

    /** {@code 2016} or {@code 2025}. */
    static final class EditionConverter implements ITypeConverter<Edition> {

        @Override
        public Edition convert(String value) {
            for (Edition e : Edition.values()) {
                if (e.label().equals(value.strip())) {
                    return e;
                }
            }
            throw new TypeConversionException("edition must be 2016 or 2025, not '" + value + "'");
        }
    }
}
