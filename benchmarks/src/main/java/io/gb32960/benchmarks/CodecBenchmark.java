package io.gb32960.benchmarks;

import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.frame.HeaderCache;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.netty.FrameEvent;
import io.gb32960.protocol.netty.Gb32960Frame;
import io.gb32960.protocol.netty.Gb32960FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Single-threaded codec throughput on the typical frames of {@link TypicalFrames}: framing + BCC,
 * full decode to records (BCC included), and encode (length and BCC computed).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar CodecBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CodecBenchmark {

    private byte[] frame2016;
    private byte[] frame2025;
    private ByteBuf stream2016;
    private final HeaderCache connectionHeaders = new HeaderCache(1);
    private Gb32960Decoder decoder;
    private Gb32960Encoder encoder;
    private TelemetryReport report2016;
    private TelemetryReport report2025;

    @Setup
    public void setup() {
        frame2016 = TypicalFrames.frame2016();
        frame2025 = TypicalFrames.frame2025();
        stream2016 = Unpooled.wrappedBuffer(frame2016);
        decoder = Gb32960Decoder.uplink();
        encoder = Gb32960Encoder.plain();
        report2016 = TypicalFrames.report2016();
        report2025 = TypicalFrames.report2025();
    }

    @TearDown
    public void tearDown() {
        stream2016.release();
    }

    /** What the access server does per frame: find the start, check length and BCC, parse the header, slice. */
    @Benchmark
    public FrameEvent framing2016() {
        stream2016.readerIndex(0);
        FrameEvent event = Gb32960FrameDecoder.next(stream2016, connectionHeaders);
        ((Gb32960Frame) event).release();
        return event;
    }

    @Benchmark
    public Gb32960Message decode2016() {
        return decoder.decode(frame2016);
    }

    @Benchmark
    public Gb32960Message decode2025() {
        return decoder.decode(frame2025);
    }

    /** The consumer path: a Kafka record value is a fresh array per frame, handed over to the decoder. */
    @Benchmark
    public Gb32960Message decodeOwned2016() {
        return decoder.decodeOwned(frame2016);
    }

    @Benchmark
    public Gb32960Message decodeOwned2025() {
        return decoder.decodeOwned(frame2025);
    }

    @Benchmark
    public byte[] encode2016() {
        return encoder.encode(report2016);
    }

    @Benchmark
    public byte[] encode2025() {
        return encoder.encode(report2025);
    }
}
