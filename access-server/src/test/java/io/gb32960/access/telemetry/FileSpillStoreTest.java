package io.gb32960.access.telemetry;

import io.gb32960.access.telemetry.FileSpillStore.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.gb32960.access.telemetry.SpillTestFrames.RECORD_354;
import static io.gb32960.access.telemetry.SpillTestFrames.SAME_FRAME;
import static io.gb32960.access.telemetry.SpillTestFrames.appendAll;
import static io.gb32960.access.telemetry.SpillTestFrames.assertFrames;
import static io.gb32960.access.telemetry.SpillTestFrames.frame;
import static io.gb32960.access.telemetry.SpillTestFrames.frames;
import static io.gb32960.access.telemetry.SpillTestFrames.smallSegments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link FileSpillStore} in normal operation: order, segments, bounds, threads, reopening after close. */
class FileSpillStoreTest {

    @TempDir
    Path dir;

    List<Path> segmentFiles() throws IOException {
        return SpillTestFrames.segmentFiles(dir);
    }

    @Test
    void roundTripsEveryField() throws IOException {
        SpilledFrame odd = new SpilledFrame("车辆VIN", 0xFE, "", -1L, new byte[0]);
        try (FileSpillStore store = new FileSpillStore(dir)) {
            assertThat(store.append(frame(7, 1))).isTrue();
            assertThat(store.append(odd)).isTrue();
            assertFrames(store.peek(10), List.of(frame(7, 1), odd));
            assertThat(store.size()).isEqualTo(2);
            assertThat(store.bytes()).isEqualTo(8 + 14 + 17 + 5 + 1 + 8 + 14 + "车辆VIN".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void keepsOrderAcrossSegments() throws IOException {
        List<SpilledFrame> expected = IntStream.range(0, 200).mapToObj(i -> frame(i, 20 + i * 7 % 500))
                .collect(Collectors.toList());
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(4096))) {
            appendAll(store, expected);
            assertThat(segmentFiles()).hasSizeGreaterThan(10);
            assertFrames(store.peek(1000), expected);
            assertFrames(store.peek(5), expected.subList(0, 5));
            assertThat(store.size()).isEqualTo(200);
        }
    }

    @Test
    void interleavesPeekRemoveAndAppend() throws IOException {
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(2048))) {
            appendAll(store, frames(0, 10));
            assertFrames(store.peek(3), frames(0, 3));
            store.remove(2);
            assertFrames(store.peek(3), frames(2, 5));
            assertThat(store.size()).isEqualTo(8);
            assertThat(store.bytes()).isEqualTo(8L * RECORD_354);

            appendAll(store, frames(10, 15));
            store.remove(7);
            assertFrames(store.peek(100), frames(9, 15));
            store.remove(6);
            assertThat(store.peek(100)).isEmpty();
            assertThat(store.size()).isZero();
            assertThat(store.bytes()).isZero();

            appendAll(store, frames(15, 17));
            assertFrames(store.peek(100), frames(15, 17));
            assertThat(store.peek(0)).isEmpty();
            assertThatThrownBy(() -> store.remove(3)).isInstanceOf(IllegalArgumentException.class);
            store.remove(0);
            assertThat(store.size()).isEqualTo(2);
        }
    }

    @Test
    void rollsSegmentsAndDeletesConsumedOnes() throws IOException {
        // 5 records of 398 bytes fit in a 2,048-byte segment (16-byte header)
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(2048))) {
            appendAll(store, frames(0, 23));
            store.peek(1); // makes the writer flush, so all files are on disk
            List<Path> before = segmentFiles();
            assertThat(before).hasSize(5);
            assertThat(before).allSatisfy(p -> assertThat(Files.size(p)).isLessThanOrEqualTo(2048));

            store.remove(4);
            assertThat(segmentFiles()).isEqualTo(before); // first segment not wholly consumed yet
            store.remove(1);
            assertThat(segmentFiles()).isEqualTo(before.subList(1, 5));
            store.remove(12);
            assertThat(segmentFiles()).isEqualTo(before.subList(3, 5));
            assertFrames(store.peek(100), frames(17, 23));
            store.remove(6);
            assertThat(segmentFiles()).isEqualTo(before.subList(4, 5)); // the active segment stays
        }
    }

    @Test
    void refusesAppendsPastMaxBytesUntilRemoveMakesRoom() throws IOException {
        Config config = Config.DEFAULT.withMaxBytes(10L * RECORD_354 + 60).withSegmentBytes(4096);
        try (FileSpillStore store = new FileSpillStore(dir, config)) {
            appendAll(store, frames(0, 10));
            assertThat(store.append(frame(10))).isFalse();
            assertThat(store.append(frame(11))).isFalse();
            assertThat(store.size()).isEqualTo(10);
            assertThat(store.bytes()).isEqualTo(10L * RECORD_354).isLessThanOrEqualTo(config.maxBytes());
            assertThat(store.append(frame(-1, 10))).as("a smaller frame still fits").isTrue();
            assertThat(store.append(frame(-2, 10))).isFalse();

            store.remove(1);
            assertThat(store.append(frame(12))).isTrue();
            assertThat(store.append(frame(13))).isFalse();
            List<SpilledFrame> expected = new ArrayList<>(frames(1, 10));
            expected.add(frame(-1, 10));
            expected.add(frame(12));
            assertFrames(store.peek(100), expected);
        }
    }

    @Test
    void reopenAfterCloseResumesExactly() throws IOException {
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(4096))) {
            appendAll(store, frames(0, 30));
            store.remove(7);
        }
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(4096))) {
            assertThat(store.size()).isEqualTo(23);
            assertThat(store.bytes()).isEqualTo(23L * RECORD_354);
            appendAll(store, frames(30, 35));
            assertFrames(store.peek(100), frames(7, 35));
            store.remove(25);
        }
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(4096))) {
            assertFrames(store.peek(100), frames(32, 35));
            store.remove(3);
        }
        try (FileSpillStore store = new FileSpillStore(dir)) {
            assertThat(store.size()).isZero();
            assertThat(store.peek(10)).isEmpty();
            assertThat(segmentFiles()).hasSize(1); // only the new, empty active segment
        }
    }

    @Test
    void appendsFromFourThreadsKeepCountAndPerThreadOrder() throws Exception {
        int threads = 4;
        int perThread = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(64 * 1024))) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                appenders.add(pool.submit(() -> {
                    go.await();
                    for (int seq = 0; seq < perThread; seq++) {
                        assertThat(store.append(new SpilledFrame("T" + thread, 2, "V2016", seq,
                                new byte[] {(byte) thread, (byte) seq}))).isTrue();
                    }
                    return null;
                }));
            }
            // a replay thread drains concurrently, as it would when Kafka comes back mid-outage
            List<SpilledFrame> replayed = new ArrayList<>();
            Future<?> replayer = pool.submit(() -> {
                go.await();
                while (replayed.size() < threads * perThread / 2) {
                    List<SpilledFrame> batch = store.peek(500);
                    replayed.addAll(batch);
                    store.remove(batch.size());
                }
                return null;
            });
            go.countDown();
            for (Future<?> f : appenders) {
                f.get(60, TimeUnit.SECONDS);
            }
            replayer.get(60, TimeUnit.SECONDS);

            assertThat(store.size()).isEqualTo(threads * perThread - replayed.size());
            List<SpilledFrame> all = new ArrayList<>(replayed);
            all.addAll(store.peek(Integer.MAX_VALUE));
            assertThat(all).hasSize(threads * perThread);
            for (int t = 0; t < threads; t++) {
                String vin = "T" + t;
                assertThat(all.stream().filter(f -> f.vin().equals(vin)).mapToLong(SpilledFrame::receivedAt))
                        .containsExactlyElementsOf(IntStream.range(0, perThread).mapToObj(Long::valueOf).toList());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void roundTripsOneHundredThousandFrames() throws IOException {
        int n = 100_000;
        try (FileSpillStore store = new FileSpillStore(dir, smallSegments(4L << 20))) {
            int refused = 0;
            for (int i = 0; i < n; i++) {
                refused += store.append(frame(i)) ? 0 : 1;
            }
            assertThat(refused).isZero();
            assertThat(store.size()).isEqualTo(n);
            assertThat(store.bytes()).isEqualTo((long) n * RECORD_354);
            assertThat(segmentFiles()).hasSize(10);
            int next = 0;
            int firstMismatch = -1;
            while (store.size() > 0) {
                List<SpilledFrame> batch = store.peek(1000);
                for (SpilledFrame f : batch) {
                    if (firstMismatch < 0 && SAME_FRAME.compare(f, frame(next)) != 0) {
                        firstMismatch = next;
                    }
                    next++;
                }
                store.remove(batch.size());
            }
            assertThat(firstMismatch).as("index of the first frame read back wrong").isEqualTo(-1);
            assertThat(next).isEqualTo(n);
            assertThat(store.bytes()).isZero();
            assertThat(segmentFiles()).hasSize(1);
        }
    }

    @Test
    void keepsOtherStoresOutOfTheDirectory() throws IOException {
        try (FileSpillStore store = new FileSpillStore(dir)) {
            assertThatThrownBy(() -> new FileSpillStore(dir)).isInstanceOf(IOException.class)
                    .hasMessageContaining("already open");
            assertThat(store.append(frame(1))).isTrue();
        }
        try (FileSpillStore store = new FileSpillStore(dir)) {
            assertThat(store.size()).isEqualTo(1);
        }
    }

    @Test
    void rejectsMisuse() throws IOException {
        FileSpillStore store = new FileSpillStore(dir);
        assertThatThrownBy(() -> store.append(frame(1, SpillFormat.MAX_RECORD_BYTES)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.peek(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.remove(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.size()).isZero();
        store.close();
        store.close(); // idempotent
        assertThatThrownBy(() -> store.append(frame(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.peek(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FileSpillStore.FsyncPolicy(Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Config.DEFAULT.withSegmentBytes(100)).isInstanceOf(IllegalArgumentException.class);
    }
}
