package io.gb32960.admin.user;

import io.gb32960.web.signin.UserSessions;
import io.gb32960.web.signin.SignInThrottle;
import io.gb32960.admin.audit.AuditLog;
import io.gb32960.admin.security.Role;
import io.gb32960.admin.system.Actor;
import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.ErrorCode;
import io.gb32960.admin.system.PageResult;
import io.gb32960.admin.system.Paging;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Users and their roles. Passwords are stored as BCrypt hashes. There is always at least one
 * enabled administrator, and nobody can disable, demote or delete themselves. A new password, other
 * roles or supplier, disabling and deleting end the user's open sessions ({@link UserSessions}).
 */
@Service
public class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final SignInThrottle throttle;
    private final UserSessions sessions;

    UserService(UserRepository users, PasswordEncoder passwords, AuditLog audit, SignInThrottle throttle,
                UserSessions sessions) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public PageResult<AppUser> page(String search, Paging paging) {
        return users.page(search, paging);
    }

    @Transactional(readOnly = true)
    public AppUser get(long id) {
        return users.find(id).orElseThrow(() -> AdminException.notFound("user " + id));
    }

    @Transactional(readOnly = true)
    public Optional<AppUser> findByUsername(String username) {
        return users.findByUsername(username);
    }

    @Transactional
    public AppUser create(UserForm form) {
        requirePassword("password", form.password(), true);
        Long supplierId = supplier(form);
        long id;
        try {
            id = users.insert(form.username(), form.displayName(), passwords.encode(form.password()), supplierId,
                    form.enabled());
        } catch (DuplicateKeyException e) {
            throw AdminException.duplicate("username", "user name " + form.username() + " is taken");
        }
        users.setRoles(id, form.roles());
        audit.record("USER_CREATE", "user", form.username(), describe(form));
        return get(id);
    }

    @Transactional
    public AppUser update(long id, UserForm form) {
        AppUser before = get(id);
        Actor actor = Actor.current();
        boolean self = before.username().equals(actor.name());
        if (self && (!form.enabled() || (before.has(Role.ADMIN) && !form.roles().contains(Role.ADMIN)))) {
            throw new AdminException(ErrorCode.CONFLICT, "roles", "you cannot disable yourself or take away your own ADMIN role");
        }
        if (!before.username().equals(form.username())) {
            throw AdminException.invalid("username", "a user name cannot be changed");
        }
        Long supplierId = supplier(form);
        users.update(id, form.displayName(), supplierId, form.enabled());
        users.setRoles(id, form.roles());
        boolean passwordChanged = form.password() != null && !form.password().isEmpty();
        if (passwordChanged) {
            requirePassword("password", form.password(), false);
            users.updatePassword(id, passwords.encode(form.password()));
            throttle.forget(before.username());
        }
        requireAnAdmin();
        if (passwordChanged || !form.enabled() || !before.roles().equals(form.roles())
                || !Objects.equals(before.supplierId(), supplierId)) {
            sessions.endSessions(before.username());
        }
        Map<String, Object> detail = describe(form);
        detail.put("passwordChanged", passwordChanged);
        audit.record("USER_UPDATE", "user", before.username(), detail);
        return get(id);
    }

    /**
     * An administrator sets a new password for a user (who forgot theirs); the user's failed
     * sign-ins are forgotten and their open sessions end.
     */
    @Transactional
    public AppUser resetPassword(long id, String password) {
        AppUser user = get(id);
        requirePassword("password", password, true);
        users.updatePassword(id, passwords.encode(password));
        throttle.forget(user.username());
        sessions.endSessions(user.username());
        audit.record("USER_PASSWORD_RESET", "user", user.username(), Map.of());
        return user;
    }

    /**
     * A signed-in user changes their own password, proving the current one. Wrong current
     * passwords count as failed sign-ins (a left-open session must not become a way to guess it).
     * Every session of the user ends; the caller keeps its own ({@link UserSessions#keepCurrent}).
     */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Actor actor = Actor.current();
        UserRepository.Credentials user = users.credentials(actor.name()).orElseThrow(() -> new AdminException(
                ErrorCode.CONFLICT, "only users have a password to change (an API token has none)"));
        if (throttle.lockedFor(user.username(), actor.remoteAddr()).isPresent()) {
            throw new AdminException(ErrorCode.TOO_MANY, "too many wrong passwords; try again later");
        }
        if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
            throttle.failed(user.username(), actor.remoteAddr());
            throw AdminException.invalid("currentPassword", "this is not your current password");
        }
        requirePassword("newPassword", newPassword, true);
        if (passwords.matches(newPassword, user.passwordHash())) {
            throw AdminException.invalid("newPassword", "the new password is the current one");
        }
        users.updatePassword(user.id(), passwords.encode(newPassword));
        sessions.endSessions(user.username());
        audit.record("PASSWORD_CHANGE", "user", user.username(), Map.of());
    }

    @Transactional
    public void delete(long id) {
        AppUser user = get(id);
        if (user.username().equals(Actor.current().name())) {
            throw new AdminException(ErrorCode.CONFLICT, "you cannot delete yourself");
        }
        users.delete(id);
        requireAnAdmin();
        sessions.endSessions(user.username());
        audit.record("USER_DELETE", "user", user.username(), Map.of());
    }

    private void requireAnAdmin() {
        if (users.countEnabledWithRole(Role.ADMIN) == 0) {
            // rolls the transaction back
            throw new AdminException(ErrorCode.CONFLICT, "roles", "at least one enabled ADMIN must remain");
        }
    }

    private Long supplier(UserForm form) {
        if (form.supplierCode() == null) {
            if (form.roles().contains(Role.SUPPLIER)) {
                throw AdminException.invalid("supplierCode", "a SUPPLIER user belongs to a supplier");
            }
            return null;
        }
        return users.supplierId(form.supplierCode())
                .orElseThrow(() -> AdminException.invalid("supplierCode", "no supplier " + form.supplierCode()));
    }

    private static void requirePassword(String field, String password, boolean required) {
        if (password == null || password.isEmpty()) {
            if (required) {
                throw AdminException.invalid(field, "a password is required");
            }
            return;
        }
        if (password.length() < UserForm.MIN_PASSWORD) {
            throw AdminException.invalid(field, "at least " + UserForm.MIN_PASSWORD + " characters");
        }
        if (password.length() > UserForm.MAX_PASSWORD) {
            throw AdminException.invalid(field, "at most " + UserForm.MAX_PASSWORD + " characters");
        }
    }

    private static Map<String, Object> describe(UserForm form) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("displayName", form.displayName());
        detail.put("roles", new TreeSet<>(form.roles().stream().map(Role::name).toList()));
        detail.put("supplier", form.supplierCode());
        detail.put("enabled", form.enabled());
        return detail;
    }
}
