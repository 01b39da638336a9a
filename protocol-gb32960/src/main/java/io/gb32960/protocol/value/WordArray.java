package io.gb32960.protocol.value;

import java.util.Arrays;

/** An immutable array of raw WORD values (cell voltages), with value equality. */
public final class WordArray {

    public static final WordArray EMPTY = new WordArray(new short[0]);

    private final short[] raw;

    private WordArray(short[] raw) {
        this.raw = raw;
    }

    /** Takes ownership of {@code raw}. */
    public static WordArray wrap(short[] raw) {
        return raw.length == 0 ? EMPTY : new WordArray(raw);
    }

    public static WordArray of(int... values) {
        short[] s = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFFFF) {
                throw new IllegalArgumentException("WORD out of range: " + values[i]);
            }
            s[i] = (short) values[i];
        }
        return wrap(s);
    }

    public int size() {
        return raw.length;
    }

    public int get(int index) {
        return raw[index] & 0xFFFF;
    }

    /** A copy of the raw values as signed shorts (read with {@code & 0xFFFF}). */
    public short[] toShortArray() {
        return raw.clone();
    }

    /** For encoders in this library only: no copy. */
    public short[] unsafeRaw() {
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordArray other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < raw.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(get(i));
        }
        return sb.append(']').toString();
    }
}
