package io.gb32960.protocol.wire;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte sequence with value equality: raw wire content kept for lossless re-encoding
 * (opaque remainders, keys, signatures, user-defined blocks).
 */
public final class Bytes {

    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Copies {@code data}. */
    public static Bytes of(byte... data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    public static Bytes of(byte[] data, int offset, int length) {
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /** Takes ownership of {@code data}: the caller must not change it afterwards. */
    static Bytes wrap(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data);
    }

    public static Bytes fromHex(String hex) {
        return wrap(Hex.decode(hex));
    }

    public static Bytes ascii(String text) {
        return wrap(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public int get(int index) {
        return data[index] & 0xFF;
    }

    public byte[] toByteArray() {
        return data.clone();
    }

    /** Copies the content into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(data, 0, target, offset, data.length);
    }

    public String toHex() {
        return HEX.formatHex(data);
    }

    public String toString(Charset charset) {
        return new String(data, charset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
