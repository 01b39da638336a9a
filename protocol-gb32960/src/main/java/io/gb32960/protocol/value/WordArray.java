package io.gb32960.protocol.value;

import java.util.Arrays;

/**
 * An immutable array of raw WORD values (cell voltages), with value equality. The words are kept
 * big-endian as on the wire, possibly as a view into a frame array the decoder owns, so decoding
 * copies at most once and encoding is a block copy.
 */
public final class WordArray {

    public static final WordArray EMPTY = new WordArray(new byte[0], 0, 0);

    private final byte[] data;
    private final int offset;
    private final int size;

    private WordArray(byte[] data, int offset, int size) {
        this.data = data;
        this.offset = offset;
        this.size = size;
    }

    /** A view of {@code size} big-endian words at {@code offset}; the array must never change again. */
    public static WordArray view(byte[] data, int offset, int size) {
        return size == 0 ? EMPTY : new WordArray(data, offset, size);
    }

    /** A copy of {@code size} big-endian words at {@code offset}. */
    public static WordArray copyOf(byte[] data, int offset, int size) {
        return size == 0 ? EMPTY : new WordArray(Arrays.copyOfRange(data, offset, offset + 2 * size), 0, size);
    }

    public static WordArray of(int... values) {
        byte[] b = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFFFF) {
                throw new IllegalArgumentException("WORD out of range: " + values[i]);
            }
            b[2 * i] = (byte) (values[i] >>> 8);
            b[2 * i + 1] = (byte) values[i];
        }
        return values.length == 0 ? EMPTY : new WordArray(b, 0, values.length);
    }

    public int size() {
        return size;
    }

    public int get(int index) {
        java.util.Objects.checkIndex(index, size);
        int p = offset + 2 * index;
        return ((data[p] & 0xFF) << 8) | (data[p + 1] & 0xFF);
    }

    public int[] toIntArray() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** The words as big-endian bytes, as on the wire. */
    public byte[] toWireBytes() {
        return Arrays.copyOfRange(data, offset, offset + 2 * size);
    }

    /** For encoders: the backing array, offset and byte length, to copy from without a temporary array. */
    public void copyWireBytes(byte[] target, int targetOffset) {
        System.arraycopy(data, offset, target, targetOffset, 2 * size);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordArray other
                && Arrays.equals(data, offset, offset + 2 * size, other.data, other.offset, other.offset + 2 * other.size);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + 2 * size; i++) {
            h = 31 * h + data[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return Arrays.toString(toIntArray());
    }
}
