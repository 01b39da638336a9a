package io.gb32960.protocol.wire;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte sequence with value equality: raw wire content kept for lossless re-encoding
 * (opaque remainders, keys, signatures, user-defined blocks, probe temperatures). It may be a view
 * into a frame array the decoder was given ownership of.
 */
public final class Bytes {

    public static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;
    private final int offset;
    private final int length;

    private Bytes(byte[] data, int offset, int length) {
        this.data = data;
        this.offset = offset;
        this.length = length;
    }

    /** Copies {@code data}. */
    public static Bytes of(byte... data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone(), 0, data.length);
    }

    /** Copies the range. */
    public static Bytes of(byte[] data, int offset, int length) {
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, offset, offset + length), 0, length);
    }

    /** Takes ownership of {@code data}: the caller must not change it afterwards. */
    static Bytes wrap(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data, 0, data.length);
    }

    /** A view of a range of an array nobody changes any more (an owned frame). */
    static Bytes view(byte[] data, int offset, int length) {
        return length == 0 ? EMPTY : new Bytes(data, offset, length);
    }

    public static Bytes fromHex(String hex) {
        return wrap(Hex.decode(hex));
    }

    public static Bytes ascii(String text) {
        return wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public int get(int index) {
        java.util.Objects.checkIndex(index, length);
        return data[offset + index] & 0xFF;
    }

    public byte[] toByteArray() {
        return Arrays.copyOfRange(data, offset, offset + length);
    }

    /** Copies the content into {@code target} at {@code targetOffset}. */
    public void copyTo(byte[] target, int targetOffset) {
        System.arraycopy(data, offset, target, targetOffset, length);
    }

    void writeTo(WireWriter out) {
        out.bytes(data, offset, length);
    }

    public String toHex() {
        return HEX.formatHex(data, offset, offset + length);
    }

    public String toString(Charset charset) {
        return new String(data, offset, length, charset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other
                && Arrays.equals(data, offset, offset + length, other.data, other.offset, other.offset + other.length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + data[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return toHex();
    }
}
