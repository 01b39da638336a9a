package io.gb32960.admin.security;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * API tokens ({@code api_token}): created by an administrator, shown once, sent by clients as
 * {@code Authorization: Bearer gbt_...}. Only the SHA-256 of a token is stored; a token is 256
 * random bits, so a fast hash is enough. Lookups are cached for {@code token-cache-ttl}.
 */
@Service
public class ApiTokenService {

    public static final String PREFIX = "gbt_";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final RowMapper<ApiToken> ROW = (rs, i) -> new ApiToken(rs.getLong("id"), rs.getString("name"),
            rs.getString("token_prefix"), Role.find(rs.getString("role_code")).orElse(Role.VIEWER),
            rs.getString("created_by"), Times.instant(rs, "created_at"), Times.instant(rs, "expires_at"),
            Times.instant(rs, "last_used_at"), Times.instant(rs, "revoked_at"));

    /** An authenticated API client. */
    public record TokenPrincipal(long id, String name, Role role) {

        /** The actor name in the audit log. */
        public String actorName() {
            return "token:" + name;
        }

        public SimpleGrantedAuthority authority() {
            return new SimpleGrantedAuthority(role.authority());
        }
    }

    /** A token just created: {@code token} is shown once and never again. */
    public record CreatedToken(ApiToken info, String token) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<TokenPrincipal>> cache;
    private final Map<Long, Instant> touched = new ConcurrentHashMap<>();

    ApiTokenService(NamedParameterJdbcTemplate jdbc, AuditLog audit, Clock clock, AdminSecurityProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.cache = CacheBuilder.newBuilder().maximumSize(10_000).expireAfterWrite(properties.tokenCacheTtl()).build();
    }

    @Transactional
    public CreatedToken create(ApiTokenForm form, String createdBy) {
        if (form.role() == Role.SUPPLIER) {
            throw AdminException.invalid("role", "API tokens act as ADMIN, OPERATOR or VIEWER");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = form.validDays() == null || form.validDays() == 0 ? null
                : now.plus(Duration.ofDays(form.validDays()));
        try {
            jdbc.update("""
                    INSERT INTO api_token (name, token_hash, token_prefix, role_code, created_by, created_at, expires_at)
                    VALUES (:name, :hash, :prefix, :role, :by, :at, :expires)""", new MapSqlParameterSource()
                    .addValue("name", form.name()).addValue("hash", sha256(token))
                    .addValue("prefix", token.substring(0, 10)).addValue("role", form.role().name())
                    .addValue("by", createdBy).addValue("at", Times.toDb(now)).addValue("expires", Times.toDb(expires)));
        } catch (DuplicateKeyException e) {
            throw AdminException.duplicate("name", "a token named " + form.name() + " exists");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("role", form.role().name());
        detail.put("expiresAt", expires == null ? null : expires.toString());
        audit.record("TOKEN_CREATE", "token", form.name(), detail);
        ApiToken info = jdbc.queryForObject("SELECT * FROM api_token WHERE name = :name", Map.of("name", form.name()), ROW);
        return new CreatedToken(info, token);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return jdbc.query("SELECT * FROM api_token ORDER BY revoked_at IS NOT NULL, name", ROW);
    }

    @Transactional
    public void revoke(long id) {
        ApiToken token = jdbc.query("SELECT * FROM api_token WHERE id = :id", Map.of("id", id), ROW).stream()
                .findFirst().orElseThrow(() -> AdminException.notFound("token " + id));
        jdbc.update("UPDATE api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL",
                new MapSqlParameterSource("id", id).addValue("at", Times.toDb(clock.instant())));
        cache.invalidateAll();
        audit.record("TOKEN_REVOKE", "token", token.name(), Map.of());
    }

    /** The client a bearer token belongs to, when the token is known, not revoked and not expired. */
    public Optional<TokenPrincipal> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Optional<TokenPrincipal> principal;
        try {
            principal = cache.get(hash, () -> lookup(hash));
        } catch (ExecutionException e) {
            throw new IllegalStateException("token lookup failed", e.getCause());
        }
        principal.ifPresent(this::touch);
        return principal;
    }

    private Optional<TokenPrincipal> lookup(String hash) {
        Instant now = clock.instant();
        return jdbc.query("SELECT * FROM api_token WHERE token_hash = :hash", Map.of("hash", hash), ROW).stream()
                .filter(t -> t.active(now)).findFirst().map(t -> new TokenPrincipal(t.id(), t.name(), t.role()));
    }

    private void touch(TokenPrincipal p) {
        Instant now = clock.instant();
        Instant last = touched.get(p.id());
        if (last == null || last.plus(TOUCH_EVERY).isBefore(now)) {
            touched.put(p.id(), now);
            jdbc.update("UPDATE api_token SET last_used_at = :at WHERE id = :id",
                    new MapSqlParameterSource("id", p.id()).addValue("at", Times.toDb(now)));
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
