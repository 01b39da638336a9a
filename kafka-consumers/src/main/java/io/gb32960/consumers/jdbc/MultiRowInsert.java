package io.gb32960.consumers.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * One multi-row {@code INSERT ... VALUES (..),(..) [tail]} per chunk of rows: a single statement and
 * round trip for up to {@code chunk} rows, whichever driver or server (no reliance on the driver
 * rewriting batches). The SQL of a full chunk is built once. Immutable, thread-safe.
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
    private final String fullChunkSql;
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
        this.fullChunkSql = sql(chunk);
    }

    /** Inserts {@code rows}; returns the sum of the update counts the server reports. */
    public long execute(Connection c, List<T> rows) throws SQLException {
        long count = 0;
        for (int from = 0; from < rows.size(); from += chunk) {
            int n = Math.min(chunk, rows.size() - from);
            try (PreparedStatement ps = c.prepareStatement(n == chunk ? fullChunkSql : sql(n))) {
                for (int i = 0; i < n; i++) {
                    binder.bind(ps, 1 + i * columns, rows.get(from + i));
                }
                count += ps.executeUpdate();
            }
        }
        return count;
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
