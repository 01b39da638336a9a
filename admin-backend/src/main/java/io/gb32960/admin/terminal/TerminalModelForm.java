package io.gb32960.admin.terminal;

import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.control.UpgradeLayout;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A terminal model as entered; {@code edition} is 2016, 2025 or empty (either). */
public record TerminalModelForm(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits and . _ -") String code,
        @Size(max = 128) String name,
        @Size(max = 32) String supplierCode,
        @Pattern(regexp = "(2016|2025)?", message = "2016, 2025 or empty") String edition,
        ResponseStyle responseStyle,
        UpgradeLayout upgradeLayout) {

    public TerminalModelForm {
        code = code == null ? null : code.trim();
        name = name == null || name.isBlank() ? null : name.trim();
        supplierCode = supplierCode == null || supplierCode.isBlank() ? null : supplierCode.trim();
        edition = edition == null || edition.isBlank() ? null : edition.trim();
    }

    public static TerminalModelForm empty() {
        return new TerminalModelForm("", null, null, null, ResponseStyle.TIME_ONLY, UpgradeLayout.TABLE_B16_BINARY);
    }

    public static TerminalModelForm of(TerminalModel m) {
        return new TerminalModelForm(m.code(), m.name(), m.supplierCode(),
                m.edition() == null ? null : m.edition().toString(), m.responseStyle(), m.upgradeLayout());
    }

    Integer editionNumber() {
        return edition == null ? null : Integer.valueOf(edition);
    }
}
