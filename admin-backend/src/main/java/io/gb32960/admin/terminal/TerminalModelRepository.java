package io.gb32960.admin.terminal;

import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.control.UpgradeLayout;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code terminal_model}. */
@Repository
public class TerminalModelRepository {

    private static final String SELECT = """
            SELECT m.id, m.code, m.name, m.supplier_id, s.code AS supplier_code, m.edition, m.response_style,
                   m.upgrade_layout, (SELECT COUNT(*) FROM vehicle v WHERE v.terminal_model = m.code) AS vehicles
            FROM terminal_model m LEFT JOIN supplier s ON s.id = m.supplier_id""";
    private static final RowMapper<TerminalModel> ROW = (rs, i) -> new TerminalModel(rs.getLong("id"),
            rs.getString("code"), rs.getString("name"), rs.getObject("supplier_id", Long.class),
            rs.getString("supplier_code"), rs.getObject("edition", Integer.class),
            parse(ResponseStyle.class, rs.getString("response_style")),
            parse(UpgradeLayout.class, rs.getString("upgrade_layout")), rs.getLong("vehicles"));

    private final NamedParameterJdbcTemplate jdbc;

    TerminalModelRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TerminalModel> find(String code) {
        return jdbc.query(SELECT + " WHERE m.code = :code", Map.of("code", code), ROW).stream().findFirst();
    }

    public List<TerminalModel> all() {
        return jdbc.query(SELECT + " ORDER BY m.code", ROW);
    }

    public List<String> codes() {
        return jdbc.queryForList("SELECT code FROM terminal_model ORDER BY code", Map.of(), String.class);
    }

    void insert(TerminalModelForm f, Long supplierId) {
        jdbc.update("""
                INSERT INTO terminal_model (code, name, supplier_id, edition, response_style, upgrade_layout)
                VALUES (:code, :name, :supplierId, :edition, :style, :layout)""", params(f, supplierId));
    }

    void update(TerminalModelForm f, Long supplierId) {
        jdbc.update("""
                UPDATE terminal_model SET name = :name, supplier_id = :supplierId, edition = :edition,
                       response_style = :style, upgrade_layout = :layout WHERE code = :code""", params(f, supplierId));
    }

    /** Deletes the model and its terminal configuration. */
    boolean delete(String code) {
        jdbc.update("DELETE FROM terminal_config WHERE scope = 'MODEL' AND scope_key = :code", Map.of("code", code));
        return jdbc.update("DELETE FROM terminal_model WHERE code = :code", Map.of("code", code)) > 0;
    }

    Optional<Long> supplierId(String code) {
        return jdbc.queryForList("SELECT id FROM supplier WHERE code = :code", Map.of("code", code), Long.class)
                .stream().findFirst();
    }

    List<String> supplierCodes() {
        return jdbc.queryForList("SELECT code FROM supplier ORDER BY code", Map.of(), String.class);
    }

    /** The vehicles of a model take its supplier. */
    void setVehicleSuppliers(String code, Long supplierId) {
        jdbc.update("UPDATE vehicle SET supplier_id = :s WHERE terminal_model = :code",
                new MapSqlParameterSource("code", code).addValue("s", supplierId));
    }

    private static MapSqlParameterSource params(TerminalModelForm f, Long supplierId) {
        return new MapSqlParameterSource().addValue("code", f.code()).addValue("name", f.name())
                .addValue("supplierId", supplierId).addValue("edition", f.editionNumber())
                .addValue("style", f.responseStyle() == null ? null : f.responseStyle().name())
                .addValue("layout", f.upgradeLayout() == null ? null : f.upgradeLayout().name());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
