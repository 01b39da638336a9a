package io.gb32960.admin.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A new API token: a name, the role its client acts with (ADMIN, OPERATOR or VIEWER), and a
 * lifetime in days (null or 0 = no expiry).
 */
public record ApiTokenForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "3 to 64 letters, digits or . _ -") String name,
        @NotNull Role role,
        @Min(0) @Max(3650) Integer validDays) {

    public static ApiTokenForm empty() {
        return new ApiTokenForm("", Role.OPERATOR, 90);
    }
}
