package io.gb32960.access.telemetry;

import io.gb32960.access.telemetry.SpillCheckpoint.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.gb32960.access.telemetry.SpillFormat.SEGMENT_HEADER_BYTES;

/**
 * Reopens a spill directory: finds the head from the checkpoint, deletes segments before it,
 * verifies every record from the head on (CRC included) and truncates a segment at its first
 * damaged or torn record, so that everything before the damage is kept and nothing after it.
 */
final class SpillRecovery {

    private static final Logger log = LoggerFactory.getLogger(FileSpillStore.class);

    /**
     * What was found.
     *
     * @param segments      the segments still holding frames, oldest first, all sealed
     * @param head          the first of them, or null when there is none
     * @param headOffset    where the next frame to replay starts in {@code head}
     * @param records       frames stored
     * @param bytes         their size on disk
     * @param nextSegmentId the id for the new segment to append to
     */
    record Result(List<SpillSegment> segments, SpillSegment head, long headOffset, long records, long bytes,
                  long nextSegmentId) {
    }

    private SpillRecovery() {
    }

    static Result recover(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(SpillCheckpoint.TEMP));
        TreeMap<Long, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "spill-*.log")) {
            for (Path p : ds) {
                SpillFormat.segmentId(p.getFileName().toString()).ifPresent(id -> files.put(id, p));
            }
        }
        Optional<Position> checkpoint = SpillCheckpoint.read(dir);
        long nextId = Math.max(files.isEmpty() ? 0 : files.lastKey(),
                checkpoint.map(Position::segment).orElse(0L)) + 1;
        if (files.isEmpty()) {
            return new Result(List.of(), null, 0, 0, 0, nextId);
        }
        Position start = startingPoint(files, checkpoint);
        for (Path consumed : files.headMap(start.segment()).values()) {
            log.debug("deleting consumed spill segment {}", consumed);
            Files.deleteIfExists(consumed);
        }
        List<SpillSegment> segments = new ArrayList<>();
        SpillSegment head = null;
        long headOffset = 0;
        long records = 0;
        long bytes = 0;
        SpillScanner scanner = new SpillScanner();
        for (Map.Entry<Long, Path> e : files.tailMap(start.segment(), true).entrySet()) {
            long id = e.getKey();
            Path path = e.getValue();
            long from = id == start.segment() ? start.offset() : SEGMENT_HEADER_BYTES;
            long[] kept = recoverSegment(scanner, id, path, from, id == files.lastKey());
            if (kept == null) {
                continue;
            }
            SpillSegment segment = new SpillSegment(id, path, kept[0], true);
            if (head == null) {
                head = segment;
                headOffset = Math.min(from, kept[0]);
            }
            segments.add(segment);
            records += kept[1];
            bytes += kept[2];
        }
        return new Result(segments, head, headOffset, records, bytes, nextId);
    }

    /** Where replay starts: the checkpoint when it names a segment we have, else the oldest segment. */
    private static Position startingPoint(TreeMap<Long, Path> files, Optional<Position> checkpoint) {
        Position oldest = new Position(files.firstKey(), SEGMENT_HEADER_BYTES);
        if (checkpoint.isEmpty()) {
            return oldest;
        }
        Position c = checkpoint.get();
        if (c.segment() > files.lastKey()) {
            log.warn("spill checkpoint names segment {} but the newest is {}; replaying from the oldest, "
                    + "frames may be sent twice", c.segment(), files.lastKey());
            return oldest;
        }
        long id = files.ceilingKey(c.segment());
        // a missing checkpoint segment was consumed and deleted: start at the next one
        return id == c.segment() ? c : new Position(id, SEGMENT_HEADER_BYTES);
    }

    /**
     * Verifies a segment from {@code from} and truncates it at the first damaged record.
     *
     * @return {end, records, bytes} of what is kept, or null when the segment is unusable and
     *         was removed from the store
     */
    private static long[] recoverSegment(SpillScanner scanner, long id, Path path, long from, boolean last)
            throws IOException {
        String badHeader;
        long size;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            size = ch.size();
            ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER_BYTES);
            while (header.hasRemaining() && ch.read(header, header.position()) >= 0) {
                // read the whole header
            }
            badHeader = SpillFormat.checkSegmentHeader(header.flip(), id);
            if (badHeader == null) {
                if (from > size) {
                    log.warn("{}: checkpoint offset {} is past its end ({} bytes); all of it was consumed",
                            path, from, size);
                    from = size;
                }
                SpillScanner.Result r = scanner.scan(ch, from, size, Integer.MAX_VALUE, true, (c, s, end) -> { });
                if (r.damage() != null) {
                    log.warn("{}: {} at offset {}; truncating {} bytes, keeping the {} frames before it",
                            path, r.damage(), r.position(), size - r.position(), r.records());
                    ch.truncate(r.position());
                    ch.force(true);
                }
                return new long[] {r.position(), r.records(), r.bytes()};
            }
        }
        if (last && size < SEGMENT_HEADER_BYTES) {
            log.warn("{}: {}; it was being created when the node stopped, deleting it", path, badHeader);
            Files.delete(path);
        } else {
            Path aside = path.resolveSibling(path.getFileName() + ".corrupt-" + System.currentTimeMillis());
            log.error("{}: unreadable segment ({}); its frames cannot be replayed, moved aside to {}",
                    path, badHeader, aside);
            Files.move(path, aside);
        }
        return null;
    }
}
