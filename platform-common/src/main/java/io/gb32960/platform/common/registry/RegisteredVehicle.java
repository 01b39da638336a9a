package io.gb32960.platform.common.registry;

import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.codec.TerminalProfile;
import io.gb32960.protocol.control.UpgradeLayout;

import java.util.Objects;

/**
 * A vehicle as the access node sees it in the Redis registry.
 *
 * @param iccid         the SIM's ICCID as registered; empty when unknown
 * @param terminalModel the T-Box model; names the protocol profile
 */
public record RegisteredVehicle(String vin, String iccid, String terminalModel, ResponseStyle responseStyle,
                                UpgradeLayout upgradeLayout, boolean enabled) {

    public RegisteredVehicle {
        Objects.requireNonNull(vin, "vin");
        iccid = Objects.requireNonNullElse(iccid, "");
        terminalModel = Objects.requireNonNullElse(terminalModel, "");
        responseStyle = Objects.requireNonNullElse(responseStyle, ResponseStyle.TIME_ONLY);
        upgradeLayout = Objects.requireNonNullElse(upgradeLayout, UpgradeLayout.TABLE_B16_BINARY);
    }

    public static RegisteredVehicle of(String vin, String iccid) {
        return new RegisteredVehicle(vin, iccid, "", ResponseStyle.TIME_ONLY, UpgradeLayout.TABLE_B16_BINARY, true);
    }

    public TerminalProfile profile() {
        return new TerminalProfile(terminalModel.isEmpty() ? "default" : terminalModel, responseStyle, upgradeLayout);
    }
}
