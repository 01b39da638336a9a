package io.gb32960.protocol.wire;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A fixed-width STRING field (Table 1): ASCII, or GB 18030 for Chinese text, NUL-padded. The raw
 * bytes are kept so the field re-encodes byte for byte; {@link #text()} is the trimmed text.
 */
public final class FixedString {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private final byte[] raw;

    private FixedString(byte[] raw) {
        this.raw = raw;
    }

    static FixedString wrap(byte[] raw) {
        return new FixedString(raw);
    }

    public static FixedString ofRaw(byte[] raw) {
        return new FixedString(raw.clone());
    }

    /** Encodes {@code text} in GB 18030 (ASCII stays ASCII) and pads it with NULs to {@code width} bytes. */
    public static FixedString of(String text, int width) {
        byte[] encoded = text.getBytes(GB18030);
        if (encoded.length > width) {
            throw new IllegalArgumentException("'" + text + "' needs " + encoded.length + " bytes, the field has " + width);
        }
        return new FixedString(Arrays.copyOf(encoded, width));
    }

    public int width() {
        return raw.length;
    }

    public byte[] raw() {
        return raw.clone();
    }

    void copyTo(byte[] target, int offset) {
        System.arraycopy(raw, 0, target, offset, raw.length);
    }

    /** The text up to the first NUL, trailing spaces removed, decoded as GB 18030 (a superset of ASCII). */
    public String text() {
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        while (end > 0 && raw[end - 1] == ' ') {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (raw[i] < 0) {
                return new String(raw, 0, end, GB18030);
            }
        }
        // ASCII (VINs, ICCIDs, codes): the JDK's GB 18030 decoder is far slower than Latin-1
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }

    public String text(Charset charset) {
        return new String(raw, charset).replace("\0", "");
    }

    public boolean isAscii() {
        for (byte b : raw) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FixedString other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return text();
    }
}
