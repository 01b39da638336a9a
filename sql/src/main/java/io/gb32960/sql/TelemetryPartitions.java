package io.gb32960.sql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Monthly partition maintenance of a table partitioned {@code BY RANGE COLUMNS (a DATETIME)} with a
 * trailing {@code pmax VALUES LESS THAN (MAXVALUE)} partition, as {@code telemetry} is (V1). Plain
 * JDBC, MySQL 8 and MariaDB 10.11+ syntax; the procedure is documented in docs/database.md.
 * <ul>
 *   <li>{@link #addAhead}: splits {@code pmax} so that a partition {@code pYYYYMM} exists for every
 *   month up to {@code monthsAhead} after the current one. {@code pmax} is normally empty, so the
 *   split moves no rows; months are added contiguously after the last bounded partition.</li>
 *   <li>{@link #dropOlderThan}: drops whole partitions whose upper bound is at or before the first
 *   day of the month {@code months} before the current one. Dropping a partition is a file
 *   deletion: no row-by-row DELETE, no purge, no long transaction.</li>
 * </ul>
 * Both run under the named lock {@code gb32960.partitions.<table>} ({@code GET_LOCK}), so several
 * service instances can run them on a schedule; an instance that does not get the lock skips.
 * Months are UTC months, as the DATETIME columns hold UTC.
 */
public final class TelemetryPartitions {

    public static final String TELEMETRY = "telemetry";
    public static final String MAXVALUE_PARTITION = "pmax";
    private static final Logger log = LoggerFactory.getLogger(TelemetryPartitions.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMM");
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String table;

    public TelemetryPartitions(String table) {
        if (!table.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        this.table = table;
    }

    /** One partition: its name and exclusive upper bound (null for MAXVALUE). */
    public record Partition(String name, LocalDateTime lessThan) {
        public Partition {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The partitions of the table in order. */
    public List<Partition> list(Connection c) throws SQLException {
        List<Partition> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT PARTITION_NAME, PARTITION_DESCRIPTION FROM information_schema.PARTITIONS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND PARTITION_NAME IS NOT NULL"
                        + " ORDER BY PARTITION_ORDINAL_POSITION")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Partition(rs.getString(1), bound(rs.getString(2))));
                }
            }
        }
        return out;
    }

    /**
     * Adds monthly partitions up to and including the month {@code monthsAhead} after the month of
     * {@code now}. Returns the names added (empty when nothing was missing or another instance holds
     * the lock).
     */
    public List<String> addAhead(Connection c, LocalDateTime now, int monthsAhead) throws SQLException {
        if (monthsAhead < 0) {
            throw new IllegalArgumentException("monthsAhead < 0");
        }
        return locked(c, () -> {
            List<Partition> parts = list(c);
            LocalDateTime last = lastBound(parts);
            LocalDateTime target = YearMonth.from(now).plusMonths(monthsAhead + 1L).atDay(1).atStartOfDay();
            List<String> names = new ArrayList<>();
            StringBuilder into = new StringBuilder();
            LocalDateTime lower = last;
            while (lower.isBefore(target)) {
                // the month that contains the lower bound; a hand-made bound inside a month is completed to its end
                LocalDateTime upper = YearMonth.from(lower).plusMonths(1).atDay(1).atStartOfDay();
                String name = NAME.format(lower);
                names.add(name);
                into.append("PARTITION ").append(name).append(" VALUES LESS THAN ('").append(BOUND.format(upper)).append("'), ");
                lower = upper;
            }
            if (names.isEmpty()) {
                return names;
            }
            into.append("PARTITION ").append(MAXVALUE_PARTITION).append(" VALUES LESS THAN (MAXVALUE)");
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + table + " REORGANIZE PARTITION " + MAXVALUE_PARTITION + " INTO (" + into + ")");
            }
            log.info("{}: added partitions {}", table, names);
            return names;
        });
    }

    /**
     * Drops the partitions that hold only rows older than the first day of the month {@code months}
     * before the month of {@code now}; never {@code pmax} nor the last bounded partition (a range
     * table needs one). Returns the names dropped.
     */
    public List<String> dropOlderThan(Connection c, LocalDateTime now, int months) throws SQLException {
        if (months < 1) {
            throw new IllegalArgumentException("retention must be at least one month");
        }
        LocalDateTime cutoff = YearMonth.from(now).minusMonths(months).atDay(1).atStartOfDay();
        return locked(c, () -> {
            List<Partition> parts = list(c);
            List<String> drop = new ArrayList<>();
            for (int i = 0; i < parts.size() - 2; i++) { // keeps the last bounded one and pmax
                Partition p = parts.get(i);
                if (p.lessThan() != null && !p.lessThan().isAfter(cutoff)) {
                    drop.add(p.name());
                }
            }
            if (!drop.isEmpty()) {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + table + " DROP PARTITION " + String.join(", ", drop));
                }
                log.info("{}: dropped partitions {} (rows before {})", table, drop, cutoff);
            }
            return drop;
        });
    }

    private static LocalDateTime lastBound(List<Partition> parts) {
        if (parts.isEmpty() || parts.get(parts.size() - 1).lessThan() != null) {
            throw new IllegalStateException("expected RANGE COLUMNS partitions ending in " + MAXVALUE_PARTITION);
        }
        LocalDateTime last = null;
        for (Partition p : parts) {
            if (p.lessThan() != null) {
                last = p.lessThan();
            }
        }
        if (last == null) {
            throw new IllegalStateException("no bounded partition before " + MAXVALUE_PARTITION);
        }
        return last;
    }

    /** {@code '2026-12-01 00:00:00'} (quotes as MySQL and MariaDB show them), or null for MAXVALUE. */
    static LocalDateTime bound(String description) {
        if (description == null || description.equalsIgnoreCase("MAXVALUE")) {
            return null;
        }
        String text = description.replace("'", "").strip();
        if (text.length() == 10) {
            text = text + " 00:00:00";
        }
        return LocalDateTime.parse(text, BOUND);
    }

    private interface Work {
        List<String> run() throws SQLException;
    }

    private List<String> locked(Connection c, Work work) throws SQLException {
        String lock = "gb32960.partitions." + table;
        try (PreparedStatement get = c.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            get.setString(1, lock);
            try (ResultSet rs = get.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    log.info("{}: partition maintenance runs elsewhere (lock {} held)", table, lock);
                    return List.of();
                }
            }
        }
        try {
            return work.run();
        } finally {
            try (PreparedStatement release = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                release.setString(1, lock);
                release.execute();
            }
        }
    }
}
