package io.gb32960.consumers.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * One multi-row {@code INSERT ... VALUES (..),(..) [tail]} per chunk of rows: a single statement and
 * round trip for up to {@code chunk} rows, whichever driver or server (no reliance on the driver
 * rewriting batches). Immutable, thread-safe.
 * <p>Measured with server-side prepared statements (docs/benchmarks.md, "kafka-consumers"): the
 * full-chunk statement is prepared once per call and executed for every full chunk (closing and
 * re-preparing it per chunk made Connector/J clear thousands of parameters each time); the rest
 * goes in chunks of powers of two, so only a handful of distinct statements exist per table and
 * they stay in the driver's statement cache instead of one new server-side prepare per batch size.
 *
 * @param <T> the row type
 */
public final class MultiRowInsert<T> {

    /** Binds one row's values at {@code ps} parameters {@code first .. first+columns-1}. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement ps, int first, T row) throws SQLException;
    }

    private final String head;
    private final String tuple;
    private final String tail;
    private final int columns;
    private final int chunk;
    private final String[] sqlBySize;
    private final Binder<T> binder;

    /**
     * @param head e.g. {@code INSERT IGNORE INTO t (a, b)}
     * @param tail e.g. {@code ON DUPLICATE KEY UPDATE ...}, or empty
     */
    public MultiRowInsert(String head, int columns, String tail, int chunk, Binder<T> binder) {
        if (columns < 1 || chunk < 1) {
            throw new IllegalArgumentException("columns and chunk must be positive");
        }
        this.head = head;
        this.tail = tail;
        this.columns = columns;
        this.chunk = chunk;
        this.binder = binder;
        this.tuple = "(" + "?,".repeat(columns - 1) + "?)";
        this.sqlBySize = new String[chunk + 1];
        sqlBySize[chunk] = sql(chunk);
        for (int size = 1; size < chunk; size <<= 1) {
            sqlBySize[size] = sql(size);
        }
    }

    /** Inserts {@code rows} in their order; returns the sum of the update counts the server reports. */
    public long execute(Connection c, List<T> rows) throws SQLException {
        long count = 0;
        int from = 0;
        if (rows.size() >= chunk) {
            try (PreparedStatement ps = c.prepareStatement(sqlBySize[chunk])) {
                for (; rows.size() - from >= chunk; from += chunk) {
                    count += execute(ps, rows, from, chunk);
                }
            }
        }
        for (int size : restSizes(rows.size() - from)) {
            try (PreparedStatement ps = c.prepareStatement(sqlBySize[size])) {
                count += execute(ps, rows, from, size);
            }
            from += size;
        }
        return count;
    }

    private long execute(PreparedStatement ps, List<T> rows, int from, int n) throws SQLException {
        for (int i = 0; i < n; i++) {
            binder.bind(ps, 1 + i * columns, rows.get(from + i));
        }
        return ps.executeUpdate();
    }

    /** {@code rest} (less than a chunk) as powers of two, largest first: 13 = 8 + 4 + 1. */
    static int[] restSizes(int rest) {
        int[] sizes = new int[Integer.bitCount(rest)];
        int k = 0;
        for (int bit = Integer.highestOneBit(Math.max(rest, 1)); bit > 0; bit >>= 1) {
            if ((rest & bit) != 0) {
                sizes[k++] = bit;
            }
        }
        return sizes;
    }

    String sql(int rows) {
        StringBuilder b = new StringBuilder(head.length() + tail.length() + rows * (tuple.length() + 1) + 16);
        b.append(head).append(" VALUES ");
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(tuple);
        }
        if (!tail.isEmpty()) {
            b.append(' ').append(tail);
        }
        return b.toString();
    }
}
