package io.gb32960.admin.terminal;

import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.control.UpgradeLayout;

/**
 * A T-Box model ({@code terminal_model}) and the protocol profile its terminals speak.
 *
 * @param edition 2016 or 2025; null = either
 */
public record TerminalModel(long id, String code, String name, Long supplierId, String supplierCode, Integer edition,
                            ResponseStyle responseStyle, UpgradeLayout upgradeLayout, long vehicles) {
}
