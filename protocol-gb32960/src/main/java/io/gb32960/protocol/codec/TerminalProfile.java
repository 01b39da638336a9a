package io.gb32960.protocol.codec;

import io.gb32960.protocol.control.UpgradeLayout;

import java.util.Objects;

/**
 * How one terminal model reads the places where the standard is ambiguous.
 *
 * @param name          the profile name (usually the terminal model)
 * @param responseStyle what responses sent to it carry
 * @param upgradeLayout how its remote-upgrade parameters are laid out
 */
public record TerminalProfile(String name, ResponseStyle responseStyle, UpgradeLayout upgradeLayout) {

    /** Time-only responses, Table B.16 binary upgrade layout. */
    public static final TerminalProfile DEFAULT =
            new TerminalProfile("default", ResponseStyle.TIME_ONLY, UpgradeLayout.TABLE_B16_BINARY);

    public TerminalProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(responseStyle, "responseStyle");
        Objects.requireNonNull(upgradeLayout, "upgradeLayout");
    }
}
