package io.gb32960.web.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Drops sessions that {@link UserSessions} ended: runs after the security context was loaded from
 * the session; a stale session is invalidated (removed from Redis) and the request goes on
 * unauthenticated, so pages redirect to the sign-in page and the API answers 401. Requests with a
 * bearer token carry no session and pass. On a sign-in (POST {@code /login}) it reads the user's
 * generation before the password is checked, for {@link #signedIn}.
 */
public final class SessionGenerationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionGenerationFilter.class);
    private static final String PENDING = SessionGenerationFilter.class.getName() + ".generation";

    private final UserSessions sessions;
    private final java.util.function.Predicate<HttpServletRequest> sessionless;

    /** @param sessionless requests that carry no session (API tokens): passed on unchecked */
    public SessionGenerationFilter(UserSessions sessions, java.util.function.Predicate<HttpServletRequest> sessionless) {
        this.sessions = sessions;
        this.sessionless = sessionless;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (sessionless.test(request)) {
            chain.doFilter(request, response);
            return;
        }
        String username = request.getParameter("username");
        if ("POST".equals(request.getMethod()) && username != null
                && "/login".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            request.setAttribute(PENDING, sessions.generation(username));
        }
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
                && !sessions.valid(auth.getName(), session.getAttribute(UserSessions.GENERATION_ATTRIBUTE))) {
            log.info("session of '{}' ended: signed in before a change of the user (password, roles, enabled)",
                    auth.getName());
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    /** After a successful sign-in: the session gets the generation read before the password check. */
    public static void signedIn(HttpServletRequest request) {
        if (request.getAttribute(PENDING) instanceof Long generation) {
            request.getSession().setAttribute(UserSessions.GENERATION_ATTRIBUTE, generation);
        }
    }
}
