package io.gb32960.ota.security;

import io.gb32960.ota.system.Times;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The admin backend's API tokens ({@code api_token}, created there): {@code Authorization: Bearer
 * gbt_...} signs a REST request in as {@code token:NAME} with the token's role for this request
 * only; an invalid, expired or revoked token is answered 401. Tokens never act as a SUPPLIER.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final NamedParameterJdbcTemplate jdbc;
    private final ProblemResponses problems;
    private final Clock clock;

    ApiTokenFilter(NamedParameterJdbcTemplate jdbc, ProblemResponses problems, Clock clock) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.clock = clock;
    }

    public static boolean hasBearer(HttpServletRequest request) {
        String h = request.getHeader(HttpHeaders.AUTHORIZATION);
        return h != null && h.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).trim();
        record Found(String name, String role) {
        }
        List<Found> found = jdbc.query("""
                SELECT name, role_code FROM api_token WHERE token_hash = :h AND revoked_at IS NULL
                AND (expires_at IS NULL OR expires_at > :now)""",
                Map.of("h", sha256(token), "now", Times.toDb(clock.instant())),
                (rs, i) -> new Found(rs.getString(1), rs.getString(2)));
        if (found.isEmpty() || Role.SUPPLIER.name().equals(found.get(0).role())) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "invalid, expired or revoked API token");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("token:" + found.get(0).name(),
                null, List.of(new SimpleGrantedAuthority("ROLE_" + found.get(0).role()))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
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
