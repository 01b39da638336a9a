package io.gb32960.admin.user;

import io.gb32960.admin.security.Role;

import java.time.Instant;
import java.util.Set;

/** A user of the admin backend (and of the OTA service), without the password hash. */
public record AppUser(long id, String username, String displayName, Set<Role> roles, Long supplierId,
                      String supplierCode, boolean enabled, Instant lastLoginAt, Instant createdAt) {

    public AppUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
