package io.gb32960.protocol.wire;

import java.util.HexFormat;

/** Hex text to bytes and back; whitespace in the input is ignored. */
public final class Hex {

    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    /**
     * Decodes hex digits, ignoring whitespace.
     *
     * @throws IllegalArgumentException on an odd number of digits or a non-hex character
     */
    public static byte[] decode(CharSequence hex) {
        StringBuilder digits = new StringBuilder(hex.length());
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!Character.isWhitespace(c)) {
                digits.append(c);
            }
        }
        if ((digits.length() & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + digits.length());
        }
        return HEX.parseHex(digits);
    }

    public static String encode(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static String encode(byte[] bytes, int offset, int length) {
        return HEX.formatHex(bytes, offset, offset + length);
    }
}
