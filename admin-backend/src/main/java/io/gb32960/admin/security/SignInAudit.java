package io.gb32960.admin.security;

import io.gb32960.web.signin.SignInThrottle;
import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.system.Actor;
import io.gb32960.admin.user.UserRepository;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;

/**
 * Sign-ins with a password (API tokens do not pass here) go to the audit log, successful ones also
 * to {@code app_user.last_login_at}.
 */
@Component
class SignInAudit {

    private final AuditLog audit;
    private final UserRepository users;
    private final Clock clock;

    SignInAudit(AuditLog audit, UserRepository users, Clock clock) {
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    void success(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        users.touchLogin(name, clock.instant());
        String from = SignInThrottle.address(event.getAuthentication().getDetails());
        audit.record(new Actor(name, from), "LOGIN", "user", name, Map.of());
    }

    @EventListener
    void failure(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication().getName();
        String from = SignInThrottle.address(event.getAuthentication().getDetails());
        audit.record(new Actor("anonymous", from), "LOGIN_FAILED", "user",
                name, Map.of("reason", event.getException().getClass().getSimpleName()));
    }
}
