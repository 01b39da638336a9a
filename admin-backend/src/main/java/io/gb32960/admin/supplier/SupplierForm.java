package io.gb32960.admin.supplier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A supplier as entered; the code cannot change once created (users and models refer to it).
 * {@code enabled} left out means enabled.
 */
public record SupplierForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,32}", message = "1 to 32 letters, digits or . _ -") String code,
        @NotBlank(message = "a name is required") @Size(max = 128) String name,
        @Size(max = 255) String contact,
        Boolean enabled) {

    public SupplierForm {
        code = code == null ? null : code.trim();
        name = name == null ? null : name.trim();
        contact = contact == null || contact.isBlank() ? null : contact.trim();
        enabled = enabled == null || enabled;
    }

    static SupplierForm empty() {
        return new SupplierForm("", "", null, true);
    }

    static SupplierForm of(Supplier s) {
        return new SupplierForm(s.code(), s.name(), s.contact(), s.enabled());
    }
}
