package io.gb32960.access.telemetry;

import io.gb32960.access.telemetry.FileSpillStore.Config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Frames, assertions and file helpers shared by the spill store tests. */
final class SpillTestFrames {

    /** A 354-byte frame as a record: 8 (framing) + 14 + 17 (VIN) + 5 (edition) + 354 bytes. */
    static final int RECORD_354 = 398;

    /** Field by field, frame bytes by content (SpilledFrame's own equals compares the array by identity). */
    static final Comparator<SpilledFrame> SAME_FRAME = Comparator.comparing(SpilledFrame::vin)
            .thenComparingInt(SpilledFrame::command)
            .thenComparing(SpilledFrame::edition)
            .thenComparingLong(SpilledFrame::receivedAt)
            .thenComparing(SpilledFrame::frame, Arrays::compare);

    private SpillTestFrames() {
    }

    /** Frame {@code i}: content, VIN and time derived from {@code i}, so it can be built again to compare. */
    static SpilledFrame frame(int i, int length) {
        byte[] bytes = new byte[length];
        new Random(i).nextBytes(bytes);
        if (length >= 2) {
            bytes[0] = '#';
            bytes[1] = '#';
        }
        return new SpilledFrame(String.format("LGB32960%09d", i), i % 2 == 0 ? 0x02 : 0x03,
                i % 3 == 0 ? "V2025" : "V2016", 1_700_000_000_000L + i, bytes);
    }

    static SpilledFrame frame(int i) {
        return frame(i, 354);
    }

    /** Frames {@code from} (inclusive) to {@code to} (exclusive), 354 bytes each; a mutable list. */
    static List<SpilledFrame> frames(int from, int to) {
        return IntStream.range(from, to).mapToObj(SpillTestFrames::frame).collect(Collectors.toList());
    }

    static Config smallSegments(long segmentBytes) {
        return Config.DEFAULT.withSegmentBytes(segmentBytes);
    }

    static void appendAll(SpillStore store, List<SpilledFrame> frames) throws IOException {
        for (SpilledFrame f : frames) {
            assertThat(store.append(f)).isTrue();
        }
    }

    static void assertFrames(List<SpilledFrame> actual, List<SpilledFrame> expected) {
        assertThat(actual).usingElementComparator(SAME_FRAME).containsExactlyElementsOf(expected);
    }

    static List<Path> segmentFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("spill-\\d+\\.log")).sorted().toList();
        }
    }

    /** The newest segment that holds records (a reopened store appends to a new one after it). */
    static Path lastSegmentWithRecords(Path dir) throws IOException {
        List<Path> files = segmentFiles(dir);
        for (int i = files.size() - 1; i >= 0; i--) {
            if (Files.size(files.get(i)) > SpillFormat.SEGMENT_HEADER_BYTES) {
                return files.get(i);
            }
        }
        throw new AssertionError("no segment holds records: " + files);
    }

    static void flipByte(Path file, long position) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, position);
            b.put(0, (byte) (b.get(0) ^ 0x5A)).rewind();
            ch.write(b, position);
        }
    }
}
