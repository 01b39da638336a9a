package io.gb32960.benchmarks;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.TimestampType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What the access node's Kafka producer spends per telemetry frame on building and compressing a
 * record batch, per compression type: a batch of {@link #FRAMES} realtime frames of different
 * vehicles ({@link TypicalFrames#varied2016}), keyed by VIN, as the producer's sender thread closes
 * it. Score: batches/s; divide by {@link #FRAMES} for frames/s. The compressed size of the batch is
 * printed once per trial.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ProducerCompressionBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ProducerCompressionBenchmark {

    /** About one linger interval (5 ms) of one partition at 60,000 frames/s over 4 partitions. */
    static final int FRAMES = 64;

    @Param({"none", "lz4", "snappy", "zstd"})
    public String compression;

    private byte[][] keys;
    private byte[][] values;
    private ByteBuffer buffer;
    private Compression codec;

    @Setup
    public void setup() {
        Random r = new Random(32960);
        keys = new byte[FRAMES][];
        values = new byte[FRAMES][];
        int raw = 0;
        for (int i = 0; i < FRAMES; i++) {
            values[i] = TypicalFrames.varied2016(r, i, i * 7);
            keys[i] = String.format("LGB32960V%08d", i).getBytes(StandardCharsets.US_ASCII);
            raw += values[i].length + keys[i].length;
        }
        codec = Compression.of(CompressionType.forName(compression)).build();
        buffer = ByteBuffer.allocate(256 * 1024);
        System.out.printf("%n%s: %d frames, %d bytes of keys and values, batch of %d bytes%n", compression, FRAMES,
                raw, batch().sizeInBytes());
    }

    @Benchmark
    public MemoryRecords batch() {
        buffer.clear();
        MemoryRecordsBuilder b = MemoryRecords.builder(buffer, codec, TimestampType.CREATE_TIME, 0L);
        long now = 1_763_700_000_000L;
        for (int i = 0; i < FRAMES; i++) {
            b.append(now + i, keys[i], values[i]);
        }
        return b.build();
    }
}
