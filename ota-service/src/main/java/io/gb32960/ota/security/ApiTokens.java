package io.gb32960.ota.security;

import io.gb32960.ota.system.Times;
import io.gb32960.web.security.ApiClient;
import io.gb32960.web.security.ApiTokenAuthenticator;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin backend's API tokens ({@code api_token}, created there): {@code Authorization: Bearer
 * gbt_...} signs a REST request in as {@code token:NAME} with the token's role for this request
 * only. Tokens never act as a SUPPLIER.
 */
final class ApiTokens implements ApiTokenAuthenticator {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    ApiTokens(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<ApiClient> authenticate(String token) {
        record Found(String name, String role) {
        }
        List<Found> found = jdbc.query("""
                SELECT name, role_code FROM api_token WHERE token_hash = :h AND revoked_at IS NULL
                AND (expires_at IS NULL OR expires_at > :now)""",
                Map.of("h", sha256(token), "now", Times.toDb(clock.instant())),
                (rs, i) -> new Found(rs.getString(1), rs.getString(2)));
        if (found.isEmpty() || Role.SUPPLIER.name().equals(found.get(0).role())) {
            return Optional.empty();
        }
        return Optional.of(new ApiClient("token:" + found.get(0).name(),
                new SimpleGrantedAuthority("ROLE_" + found.get(0).role())));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
