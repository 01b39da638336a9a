package io.gb32960.admin.terminal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The terminal configuration of a terminal model or a vehicle; every field empty = inherit (vehicle
 * from model, model from the service defaults). The platform password is checked against the
 * account's hash; empty keeps the stored one (for the same account).
 */
public record TerminalConfigForm(
        @Min(1) @Max(600) Integer reportIntervalS,
        @Min(1) @Max(240) Integer heartbeatIntervalS,
        @Min(1200) @Max(921_600) Integer baudRate,
        @Size(max = 253) @Pattern(regexp = "([A-Za-z0-9.-]+)?", message = "a host name or IP address") String dispatchHost,
        @Min(1) @Max(65_535) Integer dispatchPort,
        @Size(max = 12) String platformAccount,
        @Pattern(regexp = "[\\x20-\\x7E]{0,20}", message = "at most 20 ASCII characters") String platformPassword) {

    public TerminalConfigForm {
        dispatchHost = dispatchHost == null || dispatchHost.isBlank() ? null : dispatchHost.trim();
        platformAccount = platformAccount == null || platformAccount.isBlank() ? null : platformAccount.trim();
        platformPassword = platformPassword == null || platformPassword.isEmpty() ? null : platformPassword;
    }

    public static TerminalConfigForm of(TerminalConfig c) {
        return c == null ? new TerminalConfigForm(null, null, null, null, null, null, null)
                : new TerminalConfigForm(c.reportIntervalS(), c.heartbeatIntervalS(), c.baudRate(), c.dispatchHost(),
                c.dispatchPort(), c.platformAccount(), null);
    }
}
