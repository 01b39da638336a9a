package io.gb32960.access.telemetry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

import static io.gb32960.access.telemetry.SpillFormat.MAX_BODY_BYTES;
import static io.gb32960.access.telemetry.SpillFormat.MAX_RECORD_BYTES;
import static io.gb32960.access.telemetry.SpillFormat.MIN_BODY_BYTES;
import static io.gb32960.access.telemetry.SpillFormat.RECORD_HEADER_BYTES;

/**
 * Walks the records of one segment file in {@link SpillFormat#MAX_RECORD_BYTES} chunks, so a
 * record is always whole in the chunk once it is visited. Not thread-safe: one instance per
 * reader.
 */
final class SpillScanner {

    /** Sees one record: {@code start} is where its length field sits in {@code chunk}. */
    interface Visitor {
        void record(ByteBuffer chunk, int start, long endOffset);
    }

    /**
     * Where a scan stopped.
     *
     * @param position the end of the last good record visited (or the start when none)
     * @param records  records visited
     * @param bytes    their size on disk, framing included
     * @param damage   why the scan stopped before {@code to}, null when it did not stop early for
     *                 a damaged or torn record
     */
    record Result(long position, int records, long bytes, String damage) {
    }

    private final ByteBuffer chunk = ByteBuffer.allocateDirect(MAX_RECORD_BYTES);
    private final CRC32 crc = new CRC32();

    /**
     * Visits up to {@code maxRecords} records in {@code [from, to)}.
     *
     * @param verify also check each record's CRC and inner lengths, not only its length field
     */
    Result scan(FileChannel ch, long from, long to, int maxRecords, boolean verify, Visitor visitor)
            throws IOException {
        long pos = from;
        int records = 0;
        long bytes = 0;
        long chunkStart = from;
        int chunkLength = 0;
        while (records < maxRecords && pos < to) {
            int rel = (int) (pos - chunkStart);
            if (chunkLength - rel < RECORD_HEADER_BYTES) {
                if (to - pos < RECORD_HEADER_BYTES) {
                    return new Result(pos, records, bytes, "torn record header (" + (to - pos) + " bytes before the end)");
                }
                chunkStart = pos;
                rel = 0;
                chunkLength = fill(ch, pos, to);
                if (chunkLength < RECORD_HEADER_BYTES) {
                    return new Result(pos, records, bytes, "file ends " + chunkLength + " bytes after a record");
                }
            }
            int length = chunk.getInt(rel);
            if (length < MIN_BODY_BYTES || length > MAX_BODY_BYTES) {
                return new Result(pos, records, bytes, "bad record length " + length);
            }
            int size = RECORD_HEADER_BYTES + length;
            if (pos + size > to) {
                return new Result(pos, records, bytes, "torn record (" + size + " bytes, " + (to - pos) + " before the end)");
            }
            if (chunkLength - rel < size) {
                chunkStart = pos;
                rel = 0;
                chunkLength = fill(ch, pos, to);
                if (chunkLength < size) {
                    return new Result(pos, records, bytes, "file ends inside a record");
                }
            }
            if (verify) {
                String damage = SpillFormat.check(chunk, rel, crc);
                if (damage != null) {
                    return new Result(pos, records, bytes, damage);
                }
            }
            pos += size;
            records++;
            bytes += size;
            visitor.record(chunk, rel, pos);
        }
        return new Result(pos, records, bytes, null);
    }

    /** Reads {@code [pos, min(pos + chunk, to))} into the chunk; returns the bytes read (less at end of file). */
    private int fill(FileChannel ch, long pos, long to) throws IOException {
        chunk.clear().limit((int) Math.min(chunk.capacity(), to - pos));
        while (chunk.hasRemaining()) {
            if (ch.read(chunk, pos + chunk.position()) < 0) {
                break;
            }
        }
        chunk.flip();
        return chunk.limit();
    }
}
