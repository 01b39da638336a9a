package io.gb32960.protocol.wire;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The standard's 6-byte time (数据采集时间, Table 6 ff.): YY MM DD hh mm ss, Beijing time (GMT+8),
 * YY = year - 2000. The raw bytes are kept packed in one {@code long} (big-endian, 48 bits), so
 * out-of-range values survive a decode/encode round trip.
 */
public record DataTime(long raw) {

    public static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    public DataTime {
        if ((raw >>> 48) != 0) {
            throw new IllegalArgumentException("a DataTime holds 6 bytes");
        }
    }

    public static DataTime of(int year, int month, int day, int hour, int minute, int second) {
        int yy = year >= 2000 ? year - 2000 : year;
        return new DataTime(((long) (yy & 0xFF) << 40) | ((long) (month & 0xFF) << 32) | ((long) (day & 0xFF) << 24)
                | ((hour & 0xFF) << 16) | ((minute & 0xFF) << 8) | (second & 0xFF));
    }

    public static DataTime of(LocalDateTime beijingTime) {
        return of(beijingTime.getYear(), beijingTime.getMonthValue(), beijingTime.getDayOfMonth(),
                beijingTime.getHour(), beijingTime.getMinute(), beijingTime.getSecond());
    }

    /** The time an instant shows on a clock in GMT+8, as the standard requires (never the server's zone). */
    public static DataTime of(java.time.Instant instant) {
        return of(LocalDateTime.ofInstant(instant, BEIJING));
    }

    public int year() {
        return 2000 + (int) ((raw >>> 40) & 0xFF);
    }

    public int month() {
        return (int) ((raw >>> 32) & 0xFF);
    }

    public int day() {
        return (int) ((raw >>> 24) & 0xFF);
    }

    public int hour() {
        return (int) ((raw >>> 16) & 0xFF);
    }

    public int minute() {
        return (int) ((raw >>> 8) & 0xFF);
    }

    public int second() {
        return (int) (raw & 0xFF);
    }

    /** Whether the six bytes form a real calendar time. */
    public boolean isValid() {
        try {
            toLocalDateTime();
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** @throws DateTimeException when the bytes are not a calendar time */
    public LocalDateTime toLocalDateTime() {
        return LocalDateTime.of(year(), month(), day(), hour(), minute(), second());
    }

    /** @throws DateTimeException when the bytes are not a calendar time */
    public OffsetDateTime toOffsetDateTime() {
        return toLocalDateTime().atOffset(BEIJING);
    }

    @Override
    public String toString() {
        return String.format("20%02d-%02d-%02dT%02d:%02d:%02d+08:00",
                year() - 2000, month(), day(), hour(), minute(), second());
    }
}
