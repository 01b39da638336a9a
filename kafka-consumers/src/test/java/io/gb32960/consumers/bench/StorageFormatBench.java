package io.gb32960.consumers.bench;

import io.gb32960.consumers.jdbc.MultiRowInsert;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.json.Gb32960Json;
import io.gb32960.protocol.message.TelemetryReport;
import org.flywaydb.core.Flyway;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Raw frame bytes vs the decoded JSON document as the "complete frame content" of a telemetry row:
 * bytes per row on disk, rows written per second (one thread, server-prepared multi-row INSERT IGNORE of 500 rows,
 * one transaction per 2,000 rows; the JSON variant includes producing the JSON), and the cost of
 * showing a stored frame as JSON when it is read.
 */
final class StorageFormatBench {

    private static final int CHUNK = 500;
    private static final int TX = 2_000;

    private record Row(String vin, LocalDateTime collectedAt, int command, byte[] frame, String json) {
    }

    static String run(BenchInfra infra, int frames, int vehicles) throws SQLException {
        String db = "bench_format";
        infra.recreateDatabase(db);
        Flyway.configure().dataSource(infra.url(db), "root", "").load().migrate();
        try (Connection c = DriverManager.getConnection(infra.url(db) + "&useServerPrepStmts=true", "root", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE telemetry_json LIKE telemetry");
                s.execute("ALTER TABLE telemetry_json DROP COLUMN frame, ADD COLUMN doc JSON NOT NULL");
            }
            BenchFrames source = new BenchFrames(vehicles);
            Gb32960Decoder decoder = Gb32960Decoder.uplink();
            Gb32960Json json = new Gb32960Json();
            List<byte[]> raw = new ArrayList<>(frames);
            for (int i = 0; i < frames; i++) {
                raw.add(source.frame(i));
            }
            long t0 = System.nanoTime();
            List<Row> rows = new ArrayList<>(frames);
            for (byte[] f : raw) {
                TelemetryReport r = (TelemetryReport) decoder.decodeOwned(f);
                rows.add(new Row(r.header().vin(), utc(r), r.header().command(), f, null));
            }
            double decodeUs = (System.nanoTime() - t0) / 1e3 / frames;
            t0 = System.nanoTime();
            List<Row> jsonRows = new ArrayList<>(frames);
            for (Row row : rows) {
                String doc = json.toJson(decoder.decodeOwned(row.frame()));
                jsonRows.add(new Row(row.vin(), row.collectedAt(), row.command(), null, doc));
            }
            double jsonUs = (System.nanoTime() - t0) / 1e3 / frames - decodeUs;

            double rawRate = write(c, "telemetry", "frame", rows, false);
            double jsonRate = write(c, "telemetry_json", "doc", jsonRows, true);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE telemetry, telemetry_json");
            }
            double rawBytes = bytesPerRow(c, "telemetry", frames);
            double jsonBytes = bytesPerRow(c, "telemetry_json", frames);
            double rawValue = avg(c, "SELECT AVG(LENGTH(frame)) FROM telemetry");
            double jsonValue = avg(c, "SELECT AVG(LENGTH(doc)) FROM telemetry_json");
            double readRawUs = readRaw(c, decoder, json);
            double readJsonUs = readJson(c);
            infra.dropDatabase(db);
            return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.1f | %.1f |%n"
                            + "| %s | %d | %.0f | %.0f | %.0f | %.1f | %.1f |%n",
                    "raw frame (MEDIUMBLOB)", frames, rawValue, rawBytes, rawRate, decodeUs, readRawUs,
                    "decoded JSON (JSON column)", frames, jsonValue, jsonBytes, jsonRate, jsonUs + decodeUs, readJsonUs);
        }
    }

    private static LocalDateTime utc(TelemetryReport r) {
        return r.time().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /** Rows per second, key columns plus the content column. */
    private static double write(Connection c, String table, String content, List<Row> rows, boolean json)
            throws SQLException {
        MultiRowInsert<Row> insert = new MultiRowInsert<>("INSERT IGNORE INTO " + table + " (vin, collected_at, command,"
                + " received_at, node, edition, encryption, signature, " + content + ")", 9, "", CHUNK, (ps, i, r) -> {
                    ps.setString(i, r.vin());
                    ps.setObject(i + 1, r.collectedAt());
                    ps.setInt(i + 2, r.command());
                    ps.setObject(i + 3, r.collectedAt());
                    ps.setString(i + 4, "bench");
                    ps.setInt(i + 5, 2016);
                    ps.setInt(i + 6, 1);
                    ps.setInt(i + 7, 0);
                    if (json) {
                        ps.setString(i + 8, r.json());
                    } else {
                        ps.setBytes(i + 8, r.frame());
                    }
                });
        c.setAutoCommit(false);
        long t0 = System.nanoTime();
        for (int from = 0; from < rows.size(); from += TX) {
            insert.execute(c, rows.subList(from, Math.min(rows.size(), from + TX)));
            c.commit();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        c.setAutoCommit(true);
        return rows.size() / seconds;
    }

    private static double bytesPerRow(Connection c, String table, int rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SUM(DATA_LENGTH + INDEX_LENGTH) FROM information_schema.PARTITIONS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1) / rows;
            }
        }
    }

    private static double avg(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    /** Microseconds per row to read 20,000 stored frames and turn each into the JSON document. */
    private static double readRaw(Connection c, Gb32960Decoder decoder, Gb32960Json json) throws SQLException {
        long t0 = System.nanoTime();
        long chars = 0;
        int n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT frame FROM telemetry LIMIT 20000")) {
            while (rs.next()) {
                chars += json.toJson(decoder.decodeOwned(rs.getBytes(1))).length();
                n++;
            }
        }
        return chars < 0 ? -1 : (System.nanoTime() - t0) / 1e3 / n;
    }

    private static double readJson(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        long chars = 0;
        int n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT doc FROM telemetry_json LIMIT 20000")) {
            while (rs.next()) {
                chars += rs.getString(1).getBytes(StandardCharsets.UTF_8).length;
                n++;
            }
        }
        return chars < 0 ? -1 : (System.nanoTime() - t0) / 1e3 / n;
    }

    static String header() {
        return "| stored as | rows | value bytes/row | on-disk bytes/row (data + index) | rows/s written (1 thread) "
                + "| CPU µs/frame to produce | µs/row to read as JSON |\n|---|---|---|---|---|---|---|\n";
    }

    private StorageFormatBench() {
    }
}
