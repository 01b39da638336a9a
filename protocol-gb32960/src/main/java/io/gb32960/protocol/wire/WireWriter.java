package io.gb32960.protocol.wire;

import io.gb32960.protocol.value.WordArray;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian writer into a byte array. Values wider than their field are rejected
 * (encoding must never silently truncate). Not thread-safe.
 */
public final class WireWriter {

    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle DWORD = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private byte[] a;
    private int pos;

    public WireWriter(int initialCapacity) {
        a = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int n) {
        if (pos + n > a.length) {
            a = Arrays.copyOf(a, Math.max(a.length * 2, pos + n));
        }
    }

    public int size() {
        return pos;
    }

    /** Empties the writer, keeping its array, to encode the next frame. */
    public void reset() {
        pos = 0;
    }

    /** The 17-byte unique id, NUL-padded (Table 2). */
    public WireWriter uniqueId(String vin) {
        ensure(17);
        io.gb32960.protocol.frame.FrameHeader.writeVin(vin, a, pos);
        pos += 17;
        return this;
    }

    public byte[] array() {
        return a;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(a, pos);
    }

    /** Overwrites a WORD already written at {@code index} (for length fields). */
    public void setU16(int index, int value) {
        WORD.set(a, index, (short) checkRange(value, 0xFFFF, "WORD"));
    }

    public WireWriter u8(int v) {
        ensure(1);
        a[pos++] = (byte) checkRange(v, 0xFF, "BYTE");
        return this;
    }

    public WireWriter u16(int v) {
        ensure(2);
        WORD.set(a, pos, (short) checkRange(v, 0xFFFF, "WORD"));
        pos += 2;
        return this;
    }

    public WireWriter u32(long v) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("DWORD out of range: " + v);
        }
        ensure(4);
        DWORD.set(a, pos, (int) v);
        pos += 4;
        return this;
    }

    public WireWriter words(WordArray values) {
        int n = values.size() * 2;
        ensure(n);
        values.copyWireBytes(a, pos);
        pos += n;
        return this;
    }

    public WireWriter dwords(int[] values) {
        ensure(values.length * 4);
        int p = pos;
        for (int v : values) {
            DWORD.set(a, p, v);
            p += 4;
        }
        pos = p;
        return this;
    }

    public WireWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WireWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, a, pos, len);
        pos += len;
        return this;
    }

    public WireWriter blob(Bytes b) {
        b.writeTo(this);
        return this;
    }

    public WireWriter fixedString(FixedString s, int width) {
        if (s.width() != width) {
            throw new IllegalArgumentException("fixed string field is " + width + " bytes, value has " + s.width());
        }
        ensure(width);
        s.copyTo(a, pos);
        pos += width;
        return this;
    }

    /** ISO-8859-1 text, the inverse of {@link WireReader#textUntil(int)}. */
    public WireWriter text(String s) {
        return bytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    public WireWriter time(DataTime t) {
        long r = t.raw();
        ensure(6);
        a[pos] = (byte) (r >>> 40);
        a[pos + 1] = (byte) (r >>> 32);
        a[pos + 2] = (byte) (r >>> 24);
        a[pos + 3] = (byte) (r >>> 16);
        a[pos + 4] = (byte) (r >>> 8);
        a[pos + 5] = (byte) r;
        pos += 6;
        return this;
    }

    private static int checkRange(int v, int max, String type) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(type + " out of range: " + v);
        }
        return v;
    }
}
