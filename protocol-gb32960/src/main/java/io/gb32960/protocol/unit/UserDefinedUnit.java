package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.Bytes;

/** A user-defined item (用户自定义, 0x80-0xFE, 2016 Table 19): a WORD length and that many bytes. */
public record UserDefinedUnit(int type, Bytes data) implements InfoUnit {

    public UserDefinedUnit {
        if (type < 0x80 || type > 0xFE) {
            throw new IllegalArgumentException("user-defined info types are 0x80-0xFE: 0x" + Integer.toHexString(type));
        }
        if (data.length() > 0xFFFF) {
            throw new IllegalArgumentException("user-defined item longer than a WORD length allows");
        }
    }
}
