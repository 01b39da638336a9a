package io.gb32960.admin.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A platform account (platform login 0x05: user name at most 12 bytes, password at most 20, both
 * ASCII). The password is required on create and optional on update (empty = unchanged).
 */
public record PlatformAccountForm(
        @NotBlank @Pattern(regexp = "[\\x21-\\x7E]{1,12}", message = "1 to 12 visible ASCII characters") String account,
        @Size(max = 128) String name,
        @Pattern(regexp = "[\\x20-\\x7E]{0,20}", message = "at most 20 ASCII characters") String password,
        Boolean enabled) {

    public static final int MIN_PASSWORD = 8;

    public PlatformAccountForm {
        account = account == null ? null : account.trim();
        name = name == null || name.isBlank() ? null : name.trim();
        enabled = enabled == null || enabled; // left out: enabled
    }

    public static PlatformAccountForm empty() {
        return new PlatformAccountForm("", null, "", true);
    }

    public static PlatformAccountForm of(PlatformAccountView v) {
        return new PlatformAccountForm(v.account(), v.name(), "", v.enabled());
    }
}
