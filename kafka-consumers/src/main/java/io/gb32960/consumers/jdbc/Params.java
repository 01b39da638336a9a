package io.gb32960.consumers.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;

/** Parameter setters: nullable values, and DATETIME values that keep their fractional seconds. */
public final class Params {

    private Params() {
    }

    public static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    public static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DECIMAL);
        } else {
            ps.setDouble(i, v);
        }
    }

    public static void setString(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    /**
     * A {@code DATETIME(n)} value as text, {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, microseconds at most.
     * Connector/J drops the fraction of a bound {@code LocalDateTime} when the server announces
     * itself as {@code 5.5.5-10.x-MariaDB} (MariaDB before 11), as if it could not store one; text
     * is converted by the server and keeps it, with every server and driver setting.
     */
    public static void setDateTime(PreparedStatement ps, int i, LocalDateTime t) throws SQLException {
        ps.setString(i, dateTime(t));
    }

    static String dateTime(LocalDateTime t) {
        char[] c = new char[26];
        int y = t.getYear();
        if (y < 0 || y > 9999) {
            throw new IllegalArgumentException("year out of DATETIME range: " + t);
        }
        digits(c, 0, y, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        if (micros == 0) {
            return new String(c, 0, 19);
        }
        c[19] = '.';
        digits(c, 20, micros, 6);
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            c[k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
