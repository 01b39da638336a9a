package io.gb32960.protocol.frame;

import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * Remembers parsed headers by their 24 raw bytes, so a vehicle that keeps sending frames of the
 * same shape costs no header or VIN string allocation. Direct-mapped by a hash of the unique id;
 * a miss parses and replaces the slot. Entries are immutable (final fields), so the benign race
 * between threads sharing one cache is safe: a reader sees a complete old or new entry.
 */
public final class HeaderCache {

    private record Entry(byte[] key, FrameHeader header) {
    }

    private final Entry[] slots;
    private final int mask;

    /** @param size a power of two; 1 for a per-connection cache */
    public HeaderCache(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two: " + size);
        }
        slots = new Entry[size];
        mask = size - 1;
    }

    public FrameHeader parse(byte[] a, int offset) {
        int slot = slot(a, offset);
        Entry e = slots[slot];
        if (e != null && Arrays.equals(e.key, 0, FrameLayout.HEADER_LENGTH, a, offset, offset + FrameLayout.HEADER_LENGTH)) {
            return e.header;
        }
        FrameHeader header = FrameHeader.parse(a, offset);
        slots[slot] = new Entry(Arrays.copyOfRange(a, offset, offset + FrameLayout.HEADER_LENGTH), header);
        return header;
    }

    public FrameHeader parse(ByteBuf buf, int index) {
        if (buf.hasArray()) {
            return parse(buf.array(), buf.arrayOffset() + index);
        }
        byte[] key = new byte[FrameLayout.HEADER_LENGTH];
        buf.getBytes(index, key);
        return parse(key, 0);
    }

    private int slot(byte[] a, int offset) {
        if (mask == 0) {
            return 0;
        }
        int h = 0;
        int from = offset + FrameLayout.UNIQUE_ID_OFFSET;
        for (int i = from; i < from + FrameLayout.UNIQUE_ID_LENGTH; i++) {
            h = 31 * h + a[i];
        }
        h ^= a[offset + FrameLayout.COMMAND_OFFSET] * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
