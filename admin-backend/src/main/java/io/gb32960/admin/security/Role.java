package io.gb32960.admin.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles of the admin backend ({@code app_role.code}). ADMIN may do everything; OPERATOR works
 * with vehicles, commands and alarms but manages no users; VIEWER only reads; SUPPLIER belongs to
 * the OTA service and sees none of the admin pages.
 */
public enum Role {
    ADMIN, OPERATOR, VIEWER, SUPPLIER;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(code.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
