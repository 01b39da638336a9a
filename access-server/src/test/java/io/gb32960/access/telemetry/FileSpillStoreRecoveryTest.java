package io.gb32960.access.telemetry;

import io.gb32960.access.telemetry.FileSpillStore.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static io.gb32960.access.telemetry.SpillTestFrames.RECORD_354;
import static io.gb32960.access.telemetry.SpillTestFrames.appendAll;
import static io.gb32960.access.telemetry.SpillTestFrames.assertFrames;
import static io.gb32960.access.telemetry.SpillTestFrames.flipByte;
import static io.gb32960.access.telemetry.SpillTestFrames.frames;
import static io.gb32960.access.telemetry.SpillTestFrames.smallSegments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link FileSpillStore} reopening what a crash left: torn and damaged records, damaged checkpoints
 * and segment headers. The damage is done to the files of a closed store, or to a copy taken while
 * the store runs, which is what the disk holds when the process dies.
 */
class FileSpillStoreRecoveryTest {

    @TempDir
    Path dir;

    List<Path> segmentFiles() throws IOException {
        return SpillTestFrames.segmentFiles(dir);
    }

    Path lastSegmentWithRecords() throws IOException {
        return SpillTestFrames.lastSegmentWithRecords(dir);
    }

    @Test
    void recoversFromTornLastRecord() throws IOException {
        try (FileSpillStore store = new FileSpillStore(dir)) {
            appendAll(store, frames(0, 20));
            store.remove(3);
        }
        Path last = lastSegmentWithRecords();
        long complete = Files.size(last);
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
            ch.truncate(complete - 100); // the process died while writing frame 19
        }
        try (FileSpillStore store = new FileSpillStore(dir)) {
            assertFrames(store.peek(100), frames(3, 19));
            assertThat(store.size()).isEqualTo(16);
            assertThat(Files.size(last)).isEqualTo(complete - RECORD_354);
            appendAll(store, frames(20, 22));
            List<SpilledFrame> expected = frames(3, 19);
            expected.addAll(frames(20, 22));
            assertFrames(store.peek(100), expected);
        }
    }

    @Test
    void recoversFromTornRecordHeader() throws IOException {
        try (FileSpillStore store = new FileSpillStore(dir)) {
            appendAll(store, frames(0, 5));
        }
        Path last = lastSegmentWithRecords();
        long complete = Files.size(last);
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0, 0, 1}), complete); // 3 bytes of a next length field
        }
        try (FileSpillStore store = new FileSpillStore(dir)) {
            assertFrames(store.peek(100), frames(0, 5));
            assertThat(Files.size(last)).isEqualTo(complete);
        }
    }

    @Test
    void dropsEverythingFromAFlippedByteOn() throws IOException {
        try (FileSpillStore store = new FileSpillStore(dir)) {
            appendAll(store, frames(0, 20));
        }
        Path last = lastSegmentWithRecords();
        flipByte(last, Files.size(last) - 10); // inside frame 19
        try (FileSpillStore store = new FileSpillStore(dir)) {
            assertFrames(store.peek(100), frames(0, 19));
        }
        // damage in the middle: frame 12's receivedAt
        flipByte(last, SpillFormat.SEGMENT_HEADER_BYTES + 12L * RECORD_354 + 8 + 3);
        try (FileSpillStore store = new FileSpillStore(dir)) {
            assertFrames(store.peek(100), frames(0, 12));
            assertThat(store.bytes()).isEqualTo(12L * RECORD_354);
        }
    }

    @Test
    void rejectsGarbageLengthWithoutReadingIt() throws IOException {
        try (FileSpillStore store = new FileSpillStore(dir)) {
            appendAll(store, frames(0, 3));
        }
        Path last = lastSegmentWithRecords();
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).putInt(0, Integer.MAX_VALUE), SpillFormat.SEGMENT_HEADER_BYTES + RECORD_354);
        }
        try (FileSpillStore store = new FileSpillStore(dir)) {
            assertFrames(store.peek(100), frames(0, 1));
        }
    }

    @Test
    void damagedCheckpointReplaysFromTheOldestSegment() throws IOException {
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(2048))) {
            appendAll(store, frames(0, 23));
            store.remove(7); // the first segment (frames 0-4) is deleted, the head is inside the second
        }
        Path checkpoint = dir.resolve(SpillCheckpoint.FILE);
        flipByte(checkpoint, 20);
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(2048))) {
            // duplicates (5, 6) are allowed, loss is not
            assertFrames(store.peek(100), frames(5, 23));
            store.remove(2);
        }
        Files.write(checkpoint, new byte[0]);
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(2048))) {
            List<SpilledFrame> replay = store.peek(100);
            assertThat(replay.size()).isGreaterThanOrEqualTo(16);
            assertFrames(replay.subList(replay.size() - 16, replay.size()), frames(7, 23));
        }
        Files.delete(checkpoint);
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(2048))) {
            List<SpilledFrame> replay = store.peek(100);
            assertFrames(replay.subList(replay.size() - 16, replay.size()), frames(7, 23));
        }
    }

    @Test
    void syncThreadWritesAppendsWithoutClose() throws IOException {
        Config config = Config.DEFAULT.withFsync(new FileSpillStore.FsyncPolicy(Duration.ofMillis(20), 1_000_000));
        try (FileSpillStore store = new FileSpillStore(dir, config)) {
            appendAll(store, frames(0, 3));
            Path segment = segmentFiles().get(0);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Files.size(segment) == SpillFormat.SEGMENT_HEADER_BYTES + 3L * RECORD_354);
            // what is on disk now is what a crash would leave: a second store reads it back
            Path copy = Files.createDirectory(dir.resolve("copy"));
            Files.copy(segment, copy.resolve(segment.getFileName()));
            try (FileSpillStore recovered = new FileSpillStore(copy)) {
                assertFrames(recovered.peek(10), frames(0, 3));
            }
        }
    }


    @Test
    void deletesASegmentTornWhileBeingCreated() throws IOException {
        try (FileSpillStore store = new FileSpillStore(dir)) {
            appendAll(store, frames(0, 4));
        }
        List<Path> files = segmentFiles();
        long nextId = SpillFormat.segmentId(files.get(files.size() - 1).getFileName().toString()).getAsLong() + 1;
        Path torn = dir.resolve(SpillFormat.segmentFileName(nextId));
        Files.write(torn, new byte[] {0x47, 0x42, 0x53}); // died after writing 3 header bytes
        try (FileSpillStore store = new FileSpillStore(dir)) {
            assertFrames(store.peek(100), frames(0, 4));
            assertThat(torn).doesNotExist();
        }
    }

    @Test
    void setsAsideASegmentWithAnUnreadableHeader() throws IOException {
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(2048))) {
            appendAll(store, frames(0, 15)); // segments 1-3, five frames each
        }
        Path second = segmentFiles().get(1);
        flipByte(second, 0);
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(2048))) {
            List<SpilledFrame> expected = frames(0, 5);
            expected.addAll(frames(10, 15)); // frames 5-9 cannot be read back
            assertFrames(store.peek(100), expected);
            assertThat(second).doesNotExist();
            try (var aside = Files.list(dir)) {
                assertThat(aside.map(p -> p.getFileName().toString()))
                        .anyMatch(n -> n.startsWith(second.getFileName() + ".corrupt-"));
            }
        }
    }
}
