package io.gb32960.ota.security;

/** The roles of {@code app_role} (shared with the admin backend) as far as the OTA service cares. */
public enum Role {
    ADMIN, OPERATOR, VIEWER, SUPPLIER;

    public String authority() {
        return "ROLE_" + name();
    }
}
