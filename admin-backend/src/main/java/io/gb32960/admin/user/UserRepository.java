package io.gb32960.admin.user;

import io.gb32960.admin.security.Role;
import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import io.gb32960.admin.system.Sql;
import io.gb32960.admin.system.Times;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code app_user}, {@code app_user_role}, {@code app_role}. */
@Repository
public class UserRepository {

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.supplier_id, s.code AS supplier_code, u.enabled,
                   u.last_login_at, u.created_at
            FROM app_user u LEFT JOIN supplier s ON s.id = u.supplier_id""";

    private final NamedParameterJdbcTemplate jdbc;

    UserRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A user with the password hash, for sign-in; not enabled when the user's supplier is disabled. */
    public record Credentials(long id, String username, String passwordHash, boolean enabled, Set<Role> roles) {
    }

    public Optional<Credentials> credentials(String username) {
        List<Credentials> found = jdbc.query("""
                SELECT u.id, u.username, u.password_hash, u.enabled AND COALESCE(s.enabled, 1) AS enabled
                FROM app_user u LEFT JOIN supplier s ON s.id = u.supplier_id WHERE u.username = :u""",
                Map.of("u", username), (rs, i) -> new Credentials(rs.getLong("id"),
                rs.getString("username"), rs.getString("password_hash"), rs.getBoolean("enabled"), Set.of()));
        return found.stream().findFirst().map(c -> new Credentials(c.id(), c.username(), c.passwordHash(),
                c.enabled(), roles(List.of(c.id())).getOrDefault(c.id(), Set.of())));
    }

    public Optional<AppUser> find(long id) {
        return list(SELECT + " WHERE u.id = :id", new MapSqlParameterSource("id", id)).stream().findFirst();
    }

    public Optional<AppUser> findByUsername(String username) {
        return list(SELECT + " WHERE u.username = :u", new MapSqlParameterSource("u", username)).stream().findFirst();
    }

    public PageResult<AppUser> page(String search, Paging paging) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = "";
        if (search != null && !search.isBlank()) {
            where = " WHERE u.username LIKE :q OR u.display_name LIKE :q";
            p.addValue("q", Sql.contains(search.trim()));
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM app_user u" + where, p, Long.class);
        p.addValue("limit", paging.size()).addValue("offset", paging.offset());
        return PageResult.of(list(SELECT + where + " ORDER BY u.username LIMIT :limit OFFSET :offset", p), paging,
                total == null ? 0 : total);
    }

    public long countEnabledWithRole(Role role) {
        Long n = jdbc.queryForObject("""
                SELECT COUNT(*) FROM app_user u JOIN app_user_role ur ON ur.user_id = u.id
                JOIN app_role r ON r.id = ur.role_id WHERE r.code = :role AND u.enabled = 1""",
                Map.of("role", role.name()), Long.class);
        return n == null ? 0 : n;
    }

    public long insert(String username, String displayName, String passwordHash, Long supplierId, boolean enabled) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO app_user (username, password_hash, display_name, supplier_id, enabled)
                VALUES (:username, :hash, :displayName, :supplierId, :enabled)""", new MapSqlParameterSource()
                .addValue("username", username).addValue("hash", passwordHash).addValue("displayName", displayName)
                .addValue("supplierId", supplierId).addValue("enabled", enabled), key, new String[]{"id"});
        return key.getKeyAs(Number.class).longValue();
    }

    public void update(long id, String displayName, Long supplierId, boolean enabled) {
        jdbc.update("UPDATE app_user SET display_name = :displayName, supplier_id = :supplierId, enabled = :enabled"
                + " WHERE id = :id", new MapSqlParameterSource().addValue("id", id)
                .addValue("displayName", displayName).addValue("supplierId", supplierId).addValue("enabled", enabled));
    }

    public void updatePassword(long id, String passwordHash) {
        jdbc.update("UPDATE app_user SET password_hash = :hash WHERE id = :id",
                new MapSqlParameterSource().addValue("id", id).addValue("hash", passwordHash));
    }

    public void setRoles(long id, Set<Role> roles) {
        jdbc.update("DELETE FROM app_user_role WHERE user_id = :id", Map.of("id", id));
        for (Role r : roles) {
            jdbc.update("INSERT INTO app_user_role (user_id, role_id) SELECT :id, id FROM app_role WHERE code = :code",
                    Map.of("id", id, "code", r.name()));
        }
    }

    public boolean delete(long id) {
        return jdbc.update("DELETE FROM app_user WHERE id = :id", Map.of("id", id)) > 0;
    }

    public void touchLogin(String username, Instant at) {
        jdbc.update("UPDATE app_user SET last_login_at = :at WHERE username = :u",
                new MapSqlParameterSource().addValue("at", Times.toDb(at)).addValue("u", username));
    }

    public Optional<Long> supplierId(String code) {
        return jdbc.queryForList("SELECT id FROM supplier WHERE code = :code", Map.of("code", code), Long.class)
                .stream().findFirst();
    }

    /** Supplier codes, for the user form. */
    public List<String> supplierCodes() {
        return jdbc.queryForList("SELECT code FROM supplier ORDER BY code", Map.of(), String.class);
    }

    private List<AppUser> list(String sql, MapSqlParameterSource p) {
        List<Row> rows = jdbc.query(sql, p, (rs, i) -> row(rs));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Role>> roles = roles(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> new AppUser(r.id, r.username, r.displayName,
                roles.getOrDefault(r.id, Set.of()), r.supplierId, r.supplierCode, r.enabled, r.lastLoginAt,
                r.createdAt)).toList();
    }

    private Map<Long, Set<Role>> roles(List<Long> ids) {
        Map<Long, Set<Role>> out = new HashMap<>();
        jdbc.query("SELECT ur.user_id, r.code FROM app_user_role ur JOIN app_role r ON r.id = ur.role_id"
                + " WHERE ur.user_id IN (:ids)", Map.of("ids", ids), rs -> {
            long userId = rs.getLong("user_id");
            Role.find(rs.getString("code")).ifPresent(role ->
                    out.computeIfAbsent(userId, k -> EnumSet.noneOf(Role.class)).add(role));
        });
        return out;
    }

    private record Row(long id, String username, String displayName, Long supplierId, String supplierCode,
                       boolean enabled, Instant lastLoginAt, Instant createdAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getObject("supplier_id", Long.class), rs.getString("supplier_code"), rs.getBoolean("enabled"),
                Times.instant(rs, "last_login_at"), Times.instant(rs, "created_at"));
    }
}
