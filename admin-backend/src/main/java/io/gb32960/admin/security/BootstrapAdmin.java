package io.gb32960.admin.security;

import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.system.Actor;
import io.gb32960.admin.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;

/**
 * The first start: when no enabled administrator exists, creates one
 * ({@code gb32960.admin.security.bootstrap-username}) with the configured password, or a random one
 * printed once in the log.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final AdminSecurityProperties properties;

    BootstrapAdmin(UserRepository users, PasswordEncoder passwords, AuditLog audit, TransactionTemplate tx,
                   AdminSecurityProperties properties) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.tx = tx;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.countEnabledWithRole(Role.ADMIN) > 0) {
            return;
        }
        String username = properties.bootstrapUsername();
        if (users.findByUsername(username).isPresent()) {
            log.warn("no enabled ADMIN user, and user {} exists: not touching it; enable an administrator in the"
                    + " database (app_user, app_user_role)", username);
            return;
        }
        boolean generated = properties.bootstrapPassword().isEmpty();
        String password = generated ? randomPassword() : properties.bootstrapPassword();
        try {
            tx.executeWithoutResult(s -> {
                long id = users.insert(username, "Administrator", passwords.encode(password), null, true);
                users.setRoles(id, Set.of(Role.ADMIN));
                audit.record(Actor.SYSTEM, "USER_CREATE", "user", username, Map.of("roles", "ADMIN", "bootstrap", true));
            });
        } catch (DuplicateKeyException e) {
            return; // another instance created it at the same moment
        }
        if (generated) {
            log.warn("""

                    ************************************************************
                      First start: created administrator '{}' with password
                          {}
                      This is shown once. Sign in and change it (/account/password).
                    ************************************************************""", username, password);
        } else {
            log.info("first start: created administrator '{}' with the configured password", username);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            s.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }
}
