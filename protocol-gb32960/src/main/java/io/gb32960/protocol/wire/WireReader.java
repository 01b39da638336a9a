package io.gb32960.protocol.wire;

import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.value.WordArray;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over a byte array window: big-endian BYTE/WORD/DWORD reads (Table 1) with one bounds
 * check against the window end, so a truncated data unit becomes a {@link Gb32960DecodeException}
 * rather than reading into the BCC or the next frame. Not thread-safe; a thread may {@link #reset}
 * one reader for each data unit it decodes.
 */
public final class WireReader {

    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle DWORD = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private byte[] a;
    private int start;
    private int pos;
    private int end;
    private boolean owned;

    /**
     * @param owned whether nobody changes {@code array} any more, so bulk values (words, blobs) may
     *              be views into it instead of copies
     */
    public WireReader(byte[] array, int offset, int length, boolean owned) {
        reset(array, offset, length, owned);
    }

    /** Points this reader at another window; see the constructor. */
    public WireReader reset(byte[] array, int offset, int length, boolean owned) {
        this.a = array;
        this.start = offset;
        this.pos = offset;
        this.end = offset + length;
        this.owned = owned;
        return this;
    }

    /** A reader that copies every value it returns. */
    public static WireReader of(byte[] array) {
        return new WireReader(array, 0, array.length, false);
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    /** Bytes read since the window start. */
    public int position() {
        return pos - start;
    }

    public int absolutePosition() {
        return pos;
    }

    public byte[] array() {
        return a;
    }

    /** Fails unless {@code n} more bytes are available; {@code what} names the field for the error. */
    public void require(int n, String what) {
        if (n < 0 || end - pos < n) {
            throw new Gb32960DecodeException(DecodeError.TRUNCATED,
                    what + " needs " + n + " bytes at offset " + (pos - start) + ", " + (end - pos) + " left");
        }
    }

    public int peekU8() {
        require(1, "BYTE");
        return a[pos] & 0xFF;
    }

    public int peekU16() {
        require(2, "WORD");
        return (short) WORD.get(a, pos) & 0xFFFF;
    }

    public int u8() {
        require(1, "BYTE");
        return a[pos++] & 0xFF;
    }

    public int u16() {
        require(2, "WORD");
        int v = (short) WORD.get(a, pos) & 0xFFFF;
        pos += 2;
        return v;
    }

    public long u32() {
        require(4, "DWORD");
        long v = (int) DWORD.get(a, pos) & 0xFFFFFFFFL;
        pos += 4;
        return v;
    }

    /** Reads {@code n} raw WORDs. */
    public WordArray words(int n, String what) {
        require(n * 2, what);
        WordArray w = owned ? WordArray.view(a, pos, n) : WordArray.copyOf(a, pos, n);
        pos += 2 * n;
        return w;
    }

    /** Reads {@code n} DWORDs into a new array, raw. */
    public int[] dwords(int n, String what) {
        require(n * 4, what);
        int[] out = new int[n];
        int p = pos;
        for (int i = 0; i < n; i++, p += 4) {
            out[i] = (int) DWORD.get(a, p);
        }
        pos = p;
        return out;
    }

    public byte[] bytes(int n, String what) {
        require(n, what);
        byte[] out = new byte[n];
        System.arraycopy(a, pos, out, 0, n);
        pos += n;
        return out;
    }

    public Bytes blob(int n, String what) {
        require(n, what);
        Bytes b = owned ? Bytes.view(a, pos, n) : Bytes.of(a, pos, n);
        pos += n;
        return b;
    }

    public Bytes rest() {
        return blob(end - pos, "remainder");
    }

    public FixedString fixedString(int width, String what) {
        return FixedString.wrap(bytes(width, what));
    }

    public DataTime time() {
        require(6, "time");
        int p = pos;
        long raw = ((long) (a[p] & 0xFF) << 40) | ((long) (a[p + 1] & 0xFF) << 32) | ((long) (a[p + 2] & 0xFF) << 24)
                | ((a[p + 3] & 0xFF) << 16) | ((a[p + 4] & 0xFF) << 8) | (a[p + 5] & 0xFF);
        pos = p + 6;
        return new DataTime(raw);
    }

    /**
     * Reads bytes up to (not including) {@code delimiter}, consuming the delimiter; without one, up
     * to the end. Text is ISO-8859-1 so every byte maps back to itself on re-encoding.
     */
    public String textUntil(int delimiter) {
        int p = pos;
        while (p < end && a[p] != (byte) delimiter) {
            p++;
        }
        String s = new String(a, pos, p - pos, StandardCharsets.ISO_8859_1);
        pos = p < end ? p + 1 : p;
        return s;
    }

    public void expect(int value, String what) {
        int actual = u8();
        if (actual != value) {
            throw new Gb32960DecodeException(DecodeError.INVALID_FIELD,
                    what + ": expected 0x" + Integer.toHexString(value) + " but found 0x" + Integer.toHexString(actual));
        }
    }

    public void skip(int n) {
        require(n, "skip");
        pos += n;
    }
}
