package io.gb32960.admin.supplier;

import io.gb32960.web.signin.UserSessions;
import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.ErrorCode;
import io.gb32960.admin.system.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Terminal suppliers. Users (role SUPPLIER) and terminal models are bound to a supplier on their
 * own forms; a supplier in use cannot be deleted, but it can be disabled: its users then cannot
 * sign in (here or in the OTA service, which shares the sign-in), and their open sessions end.
 */
@Service
public class SupplierService {

    private static final String SELECT = """
            SELECT s.id, s.code, s.name, s.contact, s.enabled, s.created_at, s.updated_at,
                   (SELECT COUNT(*) FROM app_user u WHERE u.supplier_id = s.id) AS users,
                   (SELECT COUNT(*) FROM terminal_model m WHERE m.supplier_id = s.id) AS models,
                   (SELECT COUNT(*) FROM vehicle v WHERE v.supplier_id = s.id) AS vehicles
            FROM supplier s""";
    private static final RowMapper<Supplier> ROW = (rs, i) -> new Supplier(rs.getLong("id"), rs.getString("code"),
            rs.getString("name"), rs.getString("contact"), rs.getBoolean("enabled"), rs.getLong("users"),
            rs.getLong("models"), rs.getLong("vehicles"), Times.instant(rs, "created_at"),
            Times.instant(rs, "updated_at"));

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog audit;
    private final UserSessions sessions;

    SupplierService(NamedParameterJdbcTemplate jdbc, AuditLog audit, UserSessions sessions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public List<Supplier> all() {
        return jdbc.query(SELECT + " ORDER BY s.code", ROW);
    }

    @Transactional(readOnly = true)
    public Supplier get(String code) {
        return jdbc.query(SELECT + " WHERE s.code = :code", Map.of("code", code), ROW).stream().findFirst()
                .orElseThrow(() -> AdminException.notFound("supplier " + code));
    }

    /** The user names bound to a supplier, for its page. */
    @Transactional(readOnly = true)
    public List<String> usernames(String code) {
        return jdbc.queryForList("SELECT u.username FROM app_user u JOIN supplier s ON s.id = u.supplier_id"
                + " WHERE s.code = :code ORDER BY u.username", Map.of("code", code), String.class);
    }

    /** The terminal model codes bound to a supplier, for its page. */
    @Transactional(readOnly = true)
    public List<String> terminalModels(String code) {
        return jdbc.queryForList("SELECT m.code FROM terminal_model m JOIN supplier s ON s.id = m.supplier_id"
                + " WHERE s.code = :code ORDER BY m.code", Map.of("code", code), String.class);
    }

    @Transactional
    public Supplier create(SupplierForm form) {
        try {
            jdbc.update("INSERT INTO supplier (code, name, contact, enabled) VALUES (:code, :name, :contact, :enabled)",
                    params(form));
        } catch (DuplicateKeyException e) {
            throw AdminException.duplicate("code", "supplier " + form.code() + " exists");
        }
        audit.record("SUPPLIER_CREATE", "supplier", form.code(), describe(form));
        return get(form.code());
    }

    @Transactional
    public Supplier update(String code, SupplierForm form) {
        if (!code.equals(form.code())) {
            throw AdminException.invalid("code", "the code of a supplier cannot be changed");
        }
        Supplier before = get(code);
        jdbc.update("UPDATE supplier SET name = :name, contact = :contact, enabled = :enabled WHERE code = :code",
                params(form));
        if (before.enabled() && !form.enabled()) {
            sessions.endSessions(usernames(code));
        }
        audit.record("SUPPLIER_UPDATE", "supplier", code, describe(form));
        return get(code);
    }

    @Transactional
    public void delete(String code) {
        Supplier s = get(code);
        if (s.users() + s.terminalModels() + s.vehicles() > 0) {
            throw new AdminException(ErrorCode.CONFLICT, "supplier " + code + " is in use (" + s.users() + " users, "
                    + s.terminalModels() + " terminal models, " + s.vehicles() + " vehicles); disable it instead");
        }
        jdbc.update("DELETE FROM supplier WHERE code = :code", Map.of("code", code));
        audit.record("SUPPLIER_DELETE", "supplier", code, Map.of());
    }

    private static MapSqlParameterSource params(SupplierForm f) {
        return new MapSqlParameterSource().addValue("code", f.code()).addValue("name", f.name())
                .addValue("contact", f.contact()).addValue("enabled", f.enabled());
    }

    private static Map<String, Object> describe(SupplierForm f) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", f.name());
        d.put("contact", f.contact());
        d.put("enabled", f.enabled());
        return d;
    }
}
