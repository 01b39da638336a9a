package io.gb32960.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Authenticates REST API requests that carry {@code Authorization: Bearer <token>}: a valid token
 * signs the request in as its {@link ApiClient} for this request only (nothing goes into a
 * session); an invalid one is answered 401 at once. Requests without a bearer token go on
 * unauthenticated (or with the browser session of a signed-in user).
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenAuthenticator tokens;
    private final ProblemResponses problems;

    public BearerTokenFilter(ApiTokenAuthenticator tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
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
        var client = tokens.authenticate(token);
        if (client.isEmpty()) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "invalid, expired or revoked API token");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client.get().name(), null,
                List.of(client.get().authority())));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
