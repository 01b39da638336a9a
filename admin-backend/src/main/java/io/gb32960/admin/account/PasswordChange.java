package io.gb32960.admin.account;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A user's change of their own password; {@code confirmPassword} (the page's second field) must
 * repeat the new password when given.
 */
public record PasswordChange(@NotEmpty(message = "enter your current password") @Size(max = 72) String currentPassword,
                             @NotEmpty(message = "enter a new password") @Size(max = 72) String newPassword,
                             @Size(max = 72) String confirmPassword) {

    static PasswordChange empty() {
        return new PasswordChange("", "", "");
    }

    boolean confirmed() {
        return confirmPassword == null || confirmPassword.equals(newPassword);
    }
}
