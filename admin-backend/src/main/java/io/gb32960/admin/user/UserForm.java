package io.gb32960.admin.user;

import io.gb32960.admin.security.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * A user as entered (page form or API). {@code password} is required on create and optional on
 * update (empty = unchanged).
 */
public record UserForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}", message = "3 to 64 letters, digits or . _ @ -")
        String username,
        @Size(max = 128) String displayName,
        @Size(max = 72, message = "at most 72 characters") String password,
        @NotEmpty(message = "at least one role") Set<Role> roles,
        @Size(max = 32) String supplierCode,
        Boolean enabled) {

    public static final int MIN_PASSWORD = 10;
    /** BCrypt uses the first 72 bytes only. */
    public static final int MAX_PASSWORD = 72;

    public UserForm {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        supplierCode = supplierCode == null || supplierCode.isBlank() ? null : supplierCode.trim();
        displayName = displayName == null || displayName.isBlank() ? null : displayName.trim();
        enabled = enabled == null || enabled; // left out: enabled
    }

    public static UserForm empty() {
        return new UserForm("", "", "", Set.of(Role.OPERATOR), null, true);
    }

    public static UserForm of(AppUser u) {
        return new UserForm(u.username(), u.displayName(), "", u.roles(), u.supplierCode(), u.enabled());
    }
}
