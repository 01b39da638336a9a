package io.gb32960.protocol.control;

import java.util.Objects;

/**
 * Remote upgrade 0x01 (远程升级, Tables B.15/B.16). Text fields may be empty (the standard leaves
 * an absent value empty).
 *
 * @param address         IP or domain; in the binary layout an IPv4 address as dotted quad (the
 *                        6-byte field holds 00 00 a b c d), or "0x" + 12 hex digits otherwise
 * @param port            null when the text layout leaves it empty
 * @param timeoutMinutes  time limit to reach the upgrade server, 0..60000 min; null when empty (text)
 */
public record RemoteUpgrade(UpgradeLayout layout, String url, String apn, String username, String password,
                            String address, Integer port, String manufacturerId, String hardwareVersion,
                            String firmwareVersion, Integer timeoutMinutes) implements TerminalControl {

    public RemoteUpgrade {
        Objects.requireNonNull(layout, "layout");
        url = Objects.requireNonNullElse(url, "");
        apn = Objects.requireNonNullElse(apn, "");
        username = Objects.requireNonNullElse(username, "");
        password = Objects.requireNonNullElse(password, "");
        address = Objects.requireNonNullElse(address, "");
        manufacturerId = Objects.requireNonNullElse(manufacturerId, "");
        hardwareVersion = Objects.requireNonNullElse(hardwareVersion, "");
        firmwareVersion = Objects.requireNonNullElse(firmwareVersion, "");
    }

    @Override
    public int controlId() {
        return REMOTE_UPGRADE;
    }

    /** The same upgrade in another layout (for a terminal whose profile says so). */
    public RemoteUpgrade withLayout(UpgradeLayout newLayout) {
        return new RemoteUpgrade(newLayout, url, apn, username, password, address, port, manufacturerId,
                hardwareVersion, firmwareVersion, timeoutMinutes);
    }
}
