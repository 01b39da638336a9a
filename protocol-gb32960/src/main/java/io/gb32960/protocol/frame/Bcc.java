package io.gb32960.protocol.frame;

import io.netty.buffer.ByteBuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The check code (校验码, Table 2): XOR of every byte from the command id to the last data-unit
 * byte. Eight bytes are XORed at a time, then folded.
 */
public final class Bcc {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Bcc() {
    }

    /** XOR of {@code a[from..to)}. */
    public static int xor(byte[] a, int from, int to) {
        long acc = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            acc ^= (long) LONG.get(a, i);
        }
        acc = fold(acc);
        for (; i < to; i++) {
            acc ^= a[i];
        }
        return (int) acc & 0xFF;
    }

    /** XOR of the readable-independent range {@code buf[from..to)} (absolute indices). */
    public static int xor(ByteBuf buf, int from, int to) {
        if (buf.hasArray()) {
            int off = buf.arrayOffset();
            return xor(buf.array(), off + from, off + to);
        }
        long acc = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            acc ^= buf.getLong(i);
        }
        acc = fold(acc);
        for (; i < to; i++) {
            acc ^= buf.getByte(i);
        }
        return (int) acc & 0xFF;
    }

    private static long fold(long acc) {
        acc ^= acc >>> 32;
        acc ^= acc >>> 16;
        acc ^= acc >>> 8;
        return acc & 0xFF;
    }

    /** Whether the frame at {@code buf[start..start+frameLength)} carries a correct BCC in its last byte. */
    public static boolean verify(ByteBuf buf, int start, int frameLength) {
        int end = start + frameLength - 1;
        return xor(buf, start + FrameLayout.COMMAND_OFFSET, end) == buf.getUnsignedByte(end);
    }
}
