package io.gb32960.ota.security;

import java.util.Set;

/**
 * Who is asking: the signed-in user (or API token), its roles and, for a SUPPLIER, the supplier it
 * belongs to. Every supplier-scoped query takes its supplier id from here, never from the request.
 *
 * @param supplierId the user's {@code app_user.supplier_id}; null for platform staff
 */
public record Actor(String name, Set<Role> roles, Long supplierId) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean admin() {
        return roles.contains(Role.ADMIN);
    }

    /** Platform staff who may read everything (ADMIN, OPERATOR, VIEWER). */
    public boolean staff() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.OPERATOR) || roles.contains(Role.VIEWER);
    }

    /** A supplier's user (and not also staff): sees only its supplier's data. */
    public boolean supplierOnly() {
        return !staff() && roles.contains(Role.SUPPLIER);
    }

    /** Whether this actor may see data of {@code supplier}. */
    public boolean sees(long supplier) {
        return staff() || (supplierId != null && supplierId == supplier);
    }
}
