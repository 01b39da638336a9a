package io.gb32960.protocol.control;

/**
 * The two readings of the remote-upgrade parameters the standard contradicts itself on
 * (PROTOCOL.md §5.16). Which one a terminal speaks is part of its terminal-model profile.
 */
public enum UpgradeLayout {
    /**
     * Table B.15 prose order, every field ASCII text separated by ';':
     * URL;APN;user;password;address;port;manufacturer;hw;fw;timeout (SmallChi/JTNewEnergy).
     */
    TABLE_B15_TEXT,
    /**
     * Table B.16 row order and types: APN;user;password;address BYTE[6];port WORD;manufacturer;hw;fw;URL;
     * timeout WORD (EMQX). Binary fields are read by position, so a 0x3B byte inside them is safe.
     */
    TABLE_B16_BINARY
}
