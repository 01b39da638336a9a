package io.gb32960.access.telemetry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The on-disk layout of {@link FileSpillStore}. All integers are big-endian.
 *
 * <pre>
 * segment file spill-000000000001.log:
 *   header   magic "GBSP"(4) version(2) reserved(2) segmentId(8)            = 16 bytes
 *   record*  length(4) crc32(4) body(length)
 *            body = receivedAt(8) command(4) vinLength(1) vin(UTF-8)
 *                   editionLength(1) edition(UTF-8) frame(rest of the body)
 *            crc32 covers the length field and the body
 * </pre>
 *
 * A record is never split across segments. The length field is checked against
 * [{@link #MIN_BODY_BYTES}, {@link #MAX_BODY_BYTES}] before anything is read, so garbage left by a
 * crash cannot make a reader allocate or skip gigabytes.
 */
final class SpillFormat {

    static final int SEGMENT_MAGIC = 0x47425350; // "GBSP"
    static final short VERSION = 1;
    static final int SEGMENT_HEADER_BYTES = 16;
    /** length(4) + crc32(4). */
    static final int RECORD_HEADER_BYTES = 8;
    /** receivedAt(8) + command(4) + vinLength(1) + editionLength(1), with empty strings and frame. */
    static final int MIN_BODY_BYTES = 14;
    /**
     * A whole record, framing included, never exceeds this; it is also the reader's chunk size.
     * A GB/T 32960 frame is at most 24 + 65,531 + 1 bytes, so this leaves ample room.
     */
    static final int MAX_RECORD_BYTES = 128 * 1024;
    static final int MAX_BODY_BYTES = MAX_RECORD_BYTES - RECORD_HEADER_BYTES;

    private static final Pattern SEGMENT_NAME = Pattern.compile("spill-(\\d{12,18})\\.log");

    private SpillFormat() {
    }

    static String segmentFileName(long id) {
        return String.format("spill-%012d.log", id);
    }

    /** The segment id a file name stands for, empty for any other file. */
    static OptionalLong segmentId(String fileName) {
        Matcher m = SEGMENT_NAME.matcher(fileName);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    static ByteBuffer segmentHeader(long id) {
        ByteBuffer b = ByteBuffer.allocate(SEGMENT_HEADER_BYTES);
        b.putInt(SEGMENT_MAGIC).putShort(VERSION).putShort((short) 0).putLong(id);
        return b.flip();
    }

    /** Why a segment header is unusable, or null when it is fine. */
    static String checkSegmentHeader(ByteBuffer b, long expectedId) {
        if (b.remaining() < SEGMENT_HEADER_BYTES) {
            return "short header (" + b.remaining() + " bytes)";
        }
        int p = b.position();
        if (b.getInt(p) != SEGMENT_MAGIC) {
            return "bad magic " + Integer.toHexString(b.getInt(p));
        }
        if (b.getShort(p + 4) != VERSION) {
            return "unsupported version " + b.getShort(p + 4);
        }
        if (b.getLong(p + 8) != expectedId) {
            return "header names segment " + b.getLong(p + 8);
        }
        return null;
    }

    /**
     * A frame serialised outside any lock: {@code head} is the record header plus the body up to
     * the frame bytes, with the CRC already filled in; the writer copies {@code head} then
     * {@code frame}.
     */
    record Encoded(byte[] head, byte[] frame) {
        int size() {
            return head.length + frame.length;
        }
    }

    /** @throws IllegalArgumentException when a string is longer than 255 bytes or the record too big */
    static Encoded encode(SpilledFrame f) {
        byte[] vin = f.vin().getBytes(StandardCharsets.UTF_8);
        byte[] edition = f.edition().getBytes(StandardCharsets.UTF_8);
        if (vin.length > 255 || edition.length > 255) {
            throw new IllegalArgumentException("vin and edition must fit in 255 bytes: " + f.vin() + ", " + f.edition());
        }
        long body = (long) MIN_BODY_BYTES + vin.length + edition.length + f.frame().length;
        if (body > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("frame of " + f.frame().length + " bytes is too big to spill");
        }
        byte[] head = new byte[RECORD_HEADER_BYTES + MIN_BODY_BYTES + vin.length + edition.length];
        ByteBuffer b = ByteBuffer.wrap(head);
        b.putInt((int) body).putInt(0) // crc, filled in below
                .putLong(f.receivedAt()).putInt(f.command())
                .put((byte) vin.length).put(vin)
                .put((byte) edition.length).put(edition);
        CRC32 crc = new CRC32();
        crc.update(head, 0, 4);
        crc.update(head, RECORD_HEADER_BYTES, head.length - RECORD_HEADER_BYTES);
        crc.update(f.frame());
        b.putInt(4, (int) crc.getValue());
        return new Encoded(head, f.frame());
    }

    /**
     * Why the record starting at {@code start} in {@code chunk} is damaged, or null when its CRC and
     * inner lengths are right. The caller has checked that the length field is in range and that
     * the whole record is in the chunk.
     */
    static String check(ByteBuffer chunk, int start, CRC32 crc) {
        int length = chunk.getInt(start);
        int body = start + RECORD_HEADER_BYTES;
        ByteBuffer view = chunk.duplicate();
        crc.reset();
        view.limit(start + 4).position(start);
        crc.update(view);
        view.limit(body + length).position(body);
        crc.update(view);
        if ((int) crc.getValue() != chunk.getInt(start + 4)) {
            return "CRC mismatch";
        }
        int vinLength = chunk.get(body + 12) & 0xFF;
        if (MIN_BODY_BYTES + vinLength > length
                || MIN_BODY_BYTES + vinLength + (chunk.get(body + 13 + vinLength) & 0xFF) > length) {
            return "inner lengths exceed the record";
        }
        return null;
    }

    /** Decodes the (checked) record starting at {@code start}. */
    static SpilledFrame decode(ByteBuffer chunk, int start) {
        int length = chunk.getInt(start);
        int p = start + RECORD_HEADER_BYTES;
        long receivedAt = chunk.getLong(p);
        int command = chunk.getInt(p + 8);
        p += 12;
        byte[] vin = new byte[chunk.get(p) & 0xFF];
        chunk.get(p + 1, vin);
        p += 1 + vin.length;
        byte[] edition = new byte[chunk.get(p) & 0xFF];
        chunk.get(p + 1, edition);
        p += 1 + edition.length;
        byte[] frame = new byte[start + RECORD_HEADER_BYTES + length - p];
        chunk.get(p, frame);
        return new SpilledFrame(new String(vin, StandardCharsets.UTF_8), command,
                new String(edition, StandardCharsets.UTF_8), receivedAt, frame);
    }
}
