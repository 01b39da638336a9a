package io.gb32960.access.telemetry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The head checkpoint {@code head.ckpt}: how far {@link SpillStore#remove} has consumed.
 *
 * <pre>
 * magic "GBSH"(4) version(2) reserved(2) segmentId(8) offset(8) crc32-of-the-first-24-bytes(4) = 28 bytes
 * </pre>
 *
 * Written to {@code head.ckpt.tmp} and renamed over the old one with {@code ATOMIC_MOVE}, so a
 * reader sees the old or the new checkpoint, never a mix. A checkpoint that is lost or stale only
 * makes the store replay frames again (at-least-once), so it is forced to disk only on close.
 */
final class SpillCheckpoint {

    static final String FILE = "head.ckpt";
    static final String TEMP = "head.ckpt.tmp";

    private static final Logger log = LoggerFactory.getLogger(FileSpillStore.class);
    private static final int MAGIC = 0x47425348; // "GBSH"
    private static final int BYTES = 28;

    /** A position in the store: a segment and a byte offset in it. */
    record Position(long segment, long offset) {
    }

    private SpillCheckpoint() {
    }

    static void write(Path dir, Position head, boolean force) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(BYTES);
        b.putInt(MAGIC).putShort(SpillFormat.VERSION).putShort((short) 0)
                .putLong(head.segment()).putLong(head.offset());
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, 24);
        b.putInt((int) crc.getValue()).flip();
        Path temp = dir.resolve(TEMP);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
            if (force) {
                ch.force(false);
            }
        }
        Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The stored head; empty when there is none or it is damaged (logged: the store replays from its oldest segment). */
    static Optional<Position> read(Path dir) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(FILE));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        String damage = null;
        if (bytes.length != BYTES) {
            damage = "size " + bytes.length;
        } else if (b.getInt(0) != MAGIC || b.getShort(4) != SpillFormat.VERSION) {
            damage = "bad magic or version";
        } else {
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, 24);
            if ((int) crc.getValue() != b.getInt(24)) {
                damage = "CRC mismatch";
            } else if (b.getLong(8) < 1 || b.getLong(16) < SpillFormat.SEGMENT_HEADER_BYTES) {
                damage = "position out of range";
            }
        }
        if (damage != null) {
            log.warn("spill checkpoint {} is damaged ({}); replaying from the oldest segment, frames may be sent twice",
                    dir.resolve(FILE), damage);
            return Optional.empty();
        }
        return Optional.of(new Position(b.getLong(8), b.getLong(16)));
    }
}
