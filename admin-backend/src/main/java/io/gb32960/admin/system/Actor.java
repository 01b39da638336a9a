package io.gb32960.admin.system;

import io.gb32960.web.audit.RequestAddress;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Objects;

/**
 * Who does something, for the audit log: a user name, {@code token:NAME} for an API client,
 * {@code terminal:VIN}, or {@code system}; and from which address.
 */
public record Actor(String name, String remoteAddr) {

    public static final Actor SYSTEM = new Actor("system", null);

    public Actor {
        Objects.requireNonNull(name, "name");
    }

    /** The signed-in user or API client of the current request thread. */
    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String name = auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                ? "anonymous" : auth.getName();
        return new Actor(name, RequestAddress.current());
    }
}
