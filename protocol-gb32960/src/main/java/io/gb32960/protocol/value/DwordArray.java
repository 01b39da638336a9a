package io.gb32960.protocol.value;

import java.util.Arrays;

/** An immutable array of raw DWORD values (fault codes), with value equality. */
public final class DwordArray {

    public static final DwordArray EMPTY = new DwordArray(new int[0]);

    private final int[] raw;

    private DwordArray(int[] raw) {
        this.raw = raw;
    }

    /** Takes ownership of {@code raw}. */
    public static DwordArray wrap(int[] raw) {
        return raw.length == 0 ? EMPTY : new DwordArray(raw);
    }

    public static DwordArray of(long... values) {
        int[] r = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("DWORD out of range: " + values[i]);
            }
            r[i] = (int) values[i];
        }
        return wrap(r);
    }

    public int size() {
        return raw.length;
    }

    public long get(int index) {
        return raw[index] & 0xFFFFFFFFL;
    }

    /** For encoders in this library only: no copy. */
    public int[] unsafeRaw() {
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DwordArray other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < raw.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format("%08X", get(i)));
        }
        return sb.append(']').toString();
    }
}
