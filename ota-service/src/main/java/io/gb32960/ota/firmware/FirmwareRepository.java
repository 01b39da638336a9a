package io.gb32960.ota.firmware;

import io.gb32960.ota.system.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code firmware} rows (and the terminal models they belong to). */
@Repository
public class FirmwareRepository {

    private static final String SELECT = """
            SELECT f.*, s.code AS supplier_code FROM firmware f JOIN supplier s ON s.id = f.supplier_id""";
    private static final RowMapper<Firmware> ROW = (rs, i) -> new Firmware(rs.getLong("id"), rs.getLong("supplier_id"),
            rs.getString("supplier_code"), rs.getString("terminal_model"), rs.getString("hardware_version"),
            rs.getString("version"), rs.getString("release_notes"), rs.getString("file_name"),
            rs.getLong("size_bytes"), rs.getString("md5"), rs.getString("sha256"), rs.getString("storage_key"),
            Firmware.FirmwareStatus.valueOf(rs.getString("status")), rs.getString("review_comment"),
            rs.getString("reviewed_by"), Times.instant(rs, "reviewed_at"), rs.getString("uploaded_by"),
            Times.instant(rs, "uploaded_at"));

    private final NamedParameterJdbcTemplate jdbc;

    FirmwareRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Firmware> find(long id) {
        return jdbc.query(SELECT + " WHERE f.id = :id", Map.of("id", id), ROW).stream().findFirst();
    }

    /** Newest first; {@code supplierId} null = every supplier's. */
    public List<Firmware> list(Long supplierId, Firmware.FirmwareStatus status) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        if (supplierId != null) {
            sql.append(" AND f.supplier_id = :supplier");
            p.addValue("supplier", supplierId);
        }
        if (status != null) {
            sql.append(" AND f.status = :status");
            p.addValue("status", status.name());
        }
        return jdbc.query(sql.append(" ORDER BY f.id DESC LIMIT 500").toString(), p, ROW);
    }

    /** The supplier a terminal model belongs to, if the model exists and has one. */
    public Optional<Long> modelSupplier(String model) {
        return jdbc.query("SELECT supplier_id FROM terminal_model WHERE code = :code AND supplier_id IS NOT NULL",
                Map.of("code", model), (rs, i) -> rs.getLong(1)).stream().findFirst();
    }

    /** The terminal models of a supplier, by code. */
    public List<String> modelsOf(long supplierId) {
        return jdbc.queryForList("SELECT code FROM terminal_model WHERE supplier_id = :s ORDER BY code",
                Map.of("s", supplierId), String.class);
    }

    public boolean versionExists(String model, String version) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM firmware WHERE terminal_model = :m AND version = :v",
                Map.of("m", model, "v", version), Boolean.class));
    }

    public boolean digestExists(String sha256) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT COUNT(*) > 0 FROM firmware WHERE sha256 = :h",
                Map.of("h", sha256), Boolean.class));
    }

    long insert(long supplierId, FirmwareUpload u, String fileName, StoredArtifact stored, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO firmware (supplier_id, terminal_model, hardware_version, version, release_notes, file_name,
                                      size_bytes, md5, sha256, storage_key, status, uploaded_by, uploaded_at)
                VALUES (:supplier, :model, :hw, :version, :notes, :file, :size, :md5, :sha, :key, 'PENDING_REVIEW',
                        :by, :at)""", new MapSqlParameterSource("supplier", supplierId)
                .addValue("model", u.terminalModel()).addValue("hw", u.hardwareVersion())
                .addValue("version", u.version()).addValue("notes", u.releaseNotes()).addValue("file", fileName)
                .addValue("size", stored.size()).addValue("md5", stored.hashes().md5())
                .addValue("sha", stored.hashes().sha256()).addValue("key", stored.key()).addValue("by", by)
                .addValue("at", Times.toDb(at)), key, new String[]{"id"});
        return key.getKey().longValue();
    }

    int review(long id, Firmware.FirmwareStatus status, String comment, String by, Instant at) {
        return jdbc.update("""
                UPDATE firmware SET status = :status, review_comment = :comment, reviewed_by = :by, reviewed_at = :at
                WHERE id = :id AND status = 'PENDING_REVIEW'""", new MapSqlParameterSource("id", id)
                .addValue("status", status.name()).addValue("comment", comment).addValue("by", by)
                .addValue("at", Times.toDb(at)));
    }
}
