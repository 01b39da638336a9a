package io.gb32960.protocol.fuzz;

import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.codec.Direction;
import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.codec.ProfileResolver;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.codec.TerminalProfile;
import io.gb32960.protocol.control.UpgradeLayout;
import io.gb32960.protocol.crypto.KeyProvider;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.FrameLayout;
import io.gb32960.protocol.json.Gb32960Json;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.netty.FrameEvent;
import io.gb32960.protocol.netty.FrameFailure;
import io.gb32960.protocol.netty.Gb32960Frame;
import io.gb32960.protocol.netty.Gb32960FrameDecoder;
import io.gb32960.protocol.netty.LeakWatch;
import io.gb32960.protocol.unit.InfoUnit;
import io.gb32960.protocol.wire.Hex;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCounted;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Robustness of both decoding stages against random and mutated input.
 *
 * <p>(a) {@value #DEFAULT_INPUTS} inputs (seed frames of {@link SeedCorpus} through {@link Mutator})
 * each through {@link Gb32960Decoder#uplink()} and {@link Gb32960Decoder#downlink()}, and 0x82 frames
 * also through decoders whose terminal profile reads the Table B.15 text upgrade layout: the only
 * exception allowed out is {@link Gb32960DecodeException} (counted by {@link DecodeError}); every
 * input that decodes re-encodes with {@link Gb32960Encoder#plain()} to the identical bytes, and
 * (one in eight) renders as JSON. Failures are collected by signature, shrunk and reported together.
 *
 * <p>(b) A long stream of the same kind of bytes, interleaved with garbage, through
 * {@link Gb32960FrameDecoder} in an {@link EmbeddedChannel} in random chunks of random buffer kinds
 * (at least {@code CHUNKS}): no exception, every byte accounted for as a frame or a failure, every
 * frame passes the frame check, every input chunk and frame ends with refCnt 0, and Netty's leak
 * detector (paranoid under surefire) reports nothing, via {@link LeakWatch}. A second stream of
 * good frames, bad-BCC frames and start-byte-free garbage must come out as exactly that sequence.
 *
 * <p>Deterministic: the seed is fixed and printed; override with {@code -Dgb32960.fuzz.seed=...}
 * (and the sizes with {@code -Dgb32960.fuzz.inputs=} / {@code -Dgb32960.fuzz.chunks=}).
 */
class Gb32960FuzzTest {

    static final int DEFAULT_INPUTS = 1_000_000;
    static final long SEED = Long.decode(System.getProperty("gb32960.fuzz.seed", "0x329602025"));
    static final int INPUTS = Integer.getInteger("gb32960.fuzz.inputs", DEFAULT_INPUTS);
    static final int CHUNKS = Integer.getInteger("gb32960.fuzz.chunks", 150_000);

    private static final Gb32960Decoder UPLINK = Gb32960Decoder.uplink();
    private static final Gb32960Decoder DOWNLINK = Gb32960Decoder.downlink();
    /** Terminals whose remote upgrade uses the Table B.15 text layout; only 0x82 bodies differ. */
    private static final TerminalProfile TEXT_UPGRADE =
            new TerminalProfile("b15-text", ResponseStyle.TIME_ONLY, UpgradeLayout.TABLE_B15_TEXT);
    private static final Gb32960Decoder UPLINK_TEXT =
            new Gb32960Decoder(Direction.UPLINK, ProfileResolver.fixed(TEXT_UPGRADE), KeyProvider.NONE);
    private static final Gb32960Decoder DOWNLINK_TEXT =
            new Gb32960Decoder(Direction.DOWNLINK, ProfileResolver.fixed(TEXT_UPGRADE), KeyProvider.NONE);
    private static final Gb32960Encoder ENCODER = Gb32960Encoder.plain();
    private static final Gb32960Json JSON = new Gb32960Json();

    @Test
    void everySeedDecodesAndReencodesLosslessly() {
        List<SeedCorpus.Seed> seeds = SeedCorpus.all();
        for (SeedCorpus.Seed s : seeds) {
            for (Direction direction : s.directions()) {
                Gb32960Decoder d = direction == Direction.UPLINK
                        ? (s.textUpgrade() ? UPLINK_TEXT : UPLINK)
                        : (s.textUpgrade() ? DOWNLINK_TEXT : DOWNLINK);
                Gb32960Message m = d.decode(s.frame());
                assertThat(m).as("%s via %s", s.name(), d.direction()).usingRecursiveComparison()
                        .ignoringFields("header.dataLength").isEqualTo(s.message());
                assertThat(ENCODER.encode(m)).as("%s via %s", s.name(), d.direction()).isEqualTo(s.frame());
            }
        }
    }

    @Test
    void seedCorpusCoversEveryMessageAndInfoUnitType() {
        Set<Class<?>> messages = new HashSet<>();
        Set<Class<?>> units = new HashSet<>();
        Map<Edition, Set<Integer>> commands = new EnumMap<>(
                Edition.class);
        for (SeedCorpus.Seed s : SeedCorpus.all()) {
            messages.add(s.message().getClass());
            commands.computeIfAbsent(s.edition(), e -> new TreeSet<>()).add(s.message().header().command());
            if (s.message() instanceof TelemetryReport r) {
                r.units().forEach(u -> units.add(u.getClass()));
            }
        }
        assertThat(messages).containsExactlyInAnyOrderElementsOf(leaves(Gb32960Message.class));
        assertThat(units).containsExactlyInAnyOrderElementsOf(leaves(InfoUnit.class));
        assertThat(commands.get(Edition.V2016))
                .containsExactly(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x80, 0x81, 0x82, 0xC0, 0xFE);
        assertThat(commands.get(Edition.V2025)).containsExactly(
                0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x80, 0x81, 0x82, 0xC0, 0xFE);
    }

    /** The concrete classes under a sealed type. */
    private static List<Class<?>> leaves(Class<?> sealed) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isSealed()) {
                out.addAll(leaves(c));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    @Test
    void dataUnitDecoderThrowsOnlyDecodeExceptionsAndRoundTripsLosslessly() {
        SplittableRandom random = new SplittableRandom(SEED);
        Mutator mutator = new Mutator(random, SeedCorpus.all());
        Stats up = new Stats();
        Stats down = new Stats();
        Stats upText = new Stats();
        Stats downText = new Stats();
        Findings findings = new Findings(SEED);
        long t0 = System.nanoTime();

        for (long i = 0; i < INPUTS; i++) {
            byte[] input = mutator.next();
            check(UPLINK, up, input, i, findings);
            check(DOWNLINK, down, input, i, findings);
            if (input.length > FrameLayout.COMMAND_OFFSET && (input[FrameLayout.COMMAND_OFFSET] & 0xFF) == 0x82) {
                // the terminal profile changes how 0x82 bodies read, nothing else
                check(UPLINK_TEXT, upText, input, i, findings);
                check(DOWNLINK_TEXT, downText, input, i, findings);
            }
        }

        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("[fuzz] seed=0x%x inputs=%d in %d ms%n  uplink   %s%n  downlink %s%n"
                + "  0x82 via B.15 text profile:%n  uplink   %s%n  downlink %s%n", SEED, INPUTS, ms, up, down, upText, downText);
        assertThat(findings.isEmpty()).as("seed 0x%x, %d inputs:%n%s", SEED, INPUTS, findings.report()).isTrue();
        assertThat(up.inputs).isEqualTo(down.inputs).isEqualTo(INPUTS);
        // the mix must reach the data-unit parser, not stop at the frame check
        assertThat(up.decoded + down.decoded).as("seed 0x%x", SEED).isGreaterThan(INPUTS / 4);
        assertThat(up.errors.getOrDefault(DecodeError.TRUNCATED, 0L)).as("seed 0x%x", SEED).isGreaterThan(INPUTS / 50);
    }

    /** One decoder, one input: a DecodeException is counted, anything else is a finding. */
    private static void check(Gb32960Decoder decoder, Stats stats, byte[] input, long iteration, Findings findings) {
        stats.inputs++;
        String failure = failureOf(decoder, input, stats);
        if (failure != null) {
            Throwable cause = causeOf(decoder, input);
            findings.add(failure, iteration, input, cause, b -> failureOf(decoder, b, null));
        }
    }

    /**
     * The signature of how {@code input} fails the contract, or null when it behaves: decodes and
     * re-encodes to the same bytes, or is rejected with a {@link Gb32960DecodeException}.
     */
    static String failureOf(Gb32960Decoder decoder, byte[] input, Stats stats) {
        Gb32960Message message;
        try {
            message = decoder.decode(input);
        } catch (Gb32960DecodeException e) {
            if (e.error() == null) {
                return name(decoder) + " decode: Gb32960DecodeException without a DecodeError";
            }
            if (stats != null) {
                stats.errors.merge(e.error(), 1L, Long::sum);
            }
            return null;
        } catch (Throwable t) {
            return name(decoder) + " decode threw " + signature(t);
        }
        byte[] again;
        try {
            again = ENCODER.encode(message);
        } catch (Throwable t) {
            return name(decoder) + " re-encode of " + message.getClass().getSimpleName() + " threw " + signature(t);
        }
        if (!Arrays.equals(again, input)) {
            return name(decoder) + " round trip of " + message.getClass().getSimpleName() + " is not lossless";
        }
        if (stats != null) {
            stats.decoded++;
            stats.byType.merge(message.getClass().getSimpleName(), 1L, Long::sum);
            if ((stats.decoded & 7) == 0) {
                try {
                    JSON.toJson(message);
                } catch (Throwable t) {
                    return "JSON view of " + message.getClass().getSimpleName() + " threw " + signature(t);
                }
            }
        }
        return null;
    }

    private static String name(Gb32960Decoder decoder) {
        return decoder == UPLINK_TEXT || decoder == DOWNLINK_TEXT ? decoder.direction() + "(B.15 text profile)"
                : decoder.direction().toString();
    }

    private static Throwable causeOf(Gb32960Decoder decoder, byte[] input) {
        try {
            Gb32960Message m = decoder.decode(input);
            byte[] again = ENCODER.encode(m);
            return new AssertionError("decoded as " + m + "\n   re-encoded: " + Hex.encode(again));
        } catch (Gb32960DecodeException e) {
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static String signature(Throwable t) {
        StackTraceElement top = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("io.gb32960")) {
                top = e;
                break;
            }
        }
        return t.getClass().getSimpleName() + " at " + top;
    }

    static final class Stats {
        long inputs;
        long decoded;
        final Map<DecodeError, Long> errors = new EnumMap<>(DecodeError.class);
        final Map<String, Long> byType = new TreeMap<>();

        @Override
        public String toString() {
            return "inputs=" + inputs + " decoded+lossless=" + decoded + " rejected=" + errors + "\n           decoded as "
                    + byType;
        }
    }

    // ---------------------------------------------------------------- (b) the framer

    @Test
    void frameDecoderSurvivesAMutatedStreamInRandomChunksWithoutLeaking() {
        int leakMark = LeakWatch.install();
        SplittableRandom random = new SplittableRandom(SEED ^ 0xF4A3E);
        List<SeedCorpus.Seed> seeds = SeedCorpus.all();
        Mutator mutator = new Mutator(random, seeds);
        // Unpooled allocators: buffer objects are never recycled, so refCnt() stays meaningful after
        // release. Heap buffers are not leak-tracked; direct ones are, and under paranoid detection
        // every byte read records a trace, so the direct connection carries a smaller share.
        EmbeddedChannel heap = channel(false);
        EmbeddedChannel direct = channel(true);
        StreamStats stats = new StreamStats();
        long t0 = System.nanoTime();

        while (stats.chunks < CHUNKS) {
            boolean tracked = random.nextInt(100) < 8;
            EmbeddedChannel ch = tracked ? direct : heap;
            // every input chunk and every frame of the segment, each to be found fully released
            List<ReferenceCounted> buffers = new ArrayList<>();
            long before = stats.accounted;
            long written = feed(ch, segment(random, mutator, seeds), random, tracked, stats, buffers);
            // flush: start-byte-free garbage until the decoder holds nothing back, then one good frame
            long held;
            while ((held = written - (stats.accounted - before)) > 0) {
                written += feed(ch, cleanGarbage(random, stillNeeded(ch, held)), random, tracked, stats, buffers);
                stats.flushed++;
            }
            byte[] closing = seeds.get(random.nextInt(seeds.size())).frame();
            written += feed(ch, closing, random, tracked, stats, buffers);

            assertThat(stats.accounted - before).as("seed 0x%x: every byte is framed or discarded", SEED)
                    .isEqualTo(written);
            assertThat(stats.last).as("seed 0x%x: the closing frame came out whole", SEED).isEqualTo(closing);
            // the decoder has released its cumulation, so nothing may hold a reference any more
            for (ReferenceCounted b : buffers) {
                assertThat(b.refCnt()).as("seed 0x%x: %s after release", SEED, b).isZero();
            }
        }
        assertNull(heap.readInbound());
        assertFalse(heap.finish());
        assertNull(direct.readInbound());
        assertFalse(direct.finish());
        HISTORY.clear();

        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("[fuzz] seed=0x%x framer: %s in %d ms%n", SEED, stats, ms);
        assertThat(stats.chunks).isGreaterThanOrEqualTo(CHUNKS);
        assertThat(stats.frames).isPositive();
        assertThat(stats.failures).containsKeys(DecodeError.GARBAGE, DecodeError.BAD_BCC, DecodeError.LENGTH_OUT_OF_RANGE);
        assertThat(LeakWatch.leaksSince(leakMark, 0)).as("seed 0x%x: Netty leak reports", SEED).isEmpty();
    }

    /**
     * A model check: good frames, bad-BCC frames and start-byte-free garbage in random order and
     * random chunks come out as exactly that sequence (garbage runs may be reported in pieces).
     */
    @Test
    void frameDecoderEmitsExactlyTheFramesOfACleanStream() {
        SplittableRandom random = new SplittableRandom(SEED ^ 0xC1EA4L);
        List<SeedCorpus.Seed> seeds = SeedCorpus.all();
        EmbeddedChannel ch = channel(false);
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        List<ReferenceCounted> buffers = new ArrayList<>();
        StreamStats stats = new StreamStats();
        long garbageRun = 0;
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 30_000; i++) {
            int kind = random.nextInt(10);
            if (kind < 6) {
                byte[] f = seeds.get(random.nextInt(seeds.size())).frame();
                garbageRun = flushGarbage(expected, garbageRun);
                expected.add("frame " + Hex.encode(f));
                stream.writeBytes(f);
            } else if (kind < 8) {
                byte[] f = seeds.get(random.nextInt(seeds.size())).frame().clone();
                f[f.length - 1] ^= (byte) (1 + random.nextInt(255));
                garbageRun = flushGarbage(expected, garbageRun);
                expected.add("BAD_BCC " + f.length + " " + FrameHeader.parse(f, 0));
                stream.writeBytes(f);
            } else {
                byte[] g = cleanGarbage(random, 1 + random.nextInt(100));
                garbageRun += g.length;
                stream.writeBytes(g);
            }
        }
        flushGarbage(expected, garbageRun);

        HISTORY.clear();
        feed(ch, stream.toByteArray(), random, false, stats, buffers, actual);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
        HISTORY.clear();

        assertThat(mergeGarbage(actual)).as("seed 0x%x", SEED).containsExactlyElementsOf(expected);
        for (ReferenceCounted b : buffers) {
            assertThat(b.refCnt()).as("seed 0x%x: %s after release and finish", SEED, b).isZero();
        }
        System.out.printf("[fuzz] seed=0x%x clean stream: %s%n", SEED, stats);
    }

    private static long flushGarbage(List<String> expected, long run) {
        if (run > 0) {
            expected.add("GARBAGE " + run);
        }
        return 0;
    }

    private static List<String> mergeGarbage(List<String> events) {
        List<String> out = new ArrayList<>();
        long run = 0;
        for (String e : events) {
            if (e.startsWith("GARBAGE ")) {
                run += Long.parseLong(e.substring(8));
            } else {
                run = flushGarbage(out, run);
                out.add(e);
            }
        }
        flushGarbage(out, run);
        return out;
    }

    /**
     * How many more bytes the decoder needs to settle the {@code held} bytes it keeps: the rest of
     * the header, or the rest of the frame its length field declares. Peeks at the cumulation only
     * through what the test itself wrote, so it needs no access to the decoder.
     */
    private static int stillNeeded(EmbeddedChannel ch, long held) {
        byte[] tail = lastWritten(ch, (int) held);
        if (tail.length < FrameLayout.HEADER_LENGTH) {
            return FrameLayout.HEADER_LENGTH - tail.length;
        }
        int declared = ((tail[FrameLayout.LENGTH_OFFSET] & 0xFF) << 8) | (tail[FrameLayout.LENGTH_OFFSET + 1] & 0xFF);
        return Math.max(1, FrameLayout.frameLength(declared) - tail.length);
    }

    private static final Map<EmbeddedChannel, byte[]> HISTORY = new IdentityHashMap<>();

    private static byte[] lastWritten(EmbeddedChannel ch, int n) {
        byte[] h = HISTORY.get(ch);
        return Arrays.copyOfRange(h, h.length - n, h.length);
    }

    private static EmbeddedChannel channel(boolean direct) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setAllocator(new UnpooledByteBufAllocator(direct));
        ch.pipeline().addLast(new Gb32960FrameDecoder());
        return ch;
    }

    /**
     * About 16 KB of seed frames, mutated frames, random garbage (start bytes included), stray start
     * bytes and headers declaring more than 65,531 bytes.
     */
    private static byte[] segment(SplittableRandom random, Mutator mutator, List<SeedCorpus.Seed> seeds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(20_000);
        while (out.size() < 16_000) {
            int kind = random.nextInt(100);
            if (kind < 40) {
                out.writeBytes(seeds.get(random.nextInt(seeds.size())).frame());
            } else if (kind < 75) {
                out.writeBytes(mutator.next());
            } else if (kind < 88) {
                byte[] g = new byte[1 + random.nextInt(64)];
                random.nextBytes(g);
                out.writeBytes(g);
            } else if (kind < 95) {
                byte[][] stray = {{0x23}, {0x24}, {0x23, 0x23}, {0x24, 0x24}, {0x23, 0x24}, {0x24, 0x23}};
                out.writeBytes(stray[random.nextInt(stray.length)]);
            } else {
                byte[] h = Arrays.copyOf(seeds.get(random.nextInt(seeds.size())).frame(), FrameLayout.HEADER_LENGTH);
                int declared = FrameLayout.MAX_DATA_LENGTH + 1 + random.nextInt(4);
                h[FrameLayout.LENGTH_OFFSET] = (byte) (declared >>> 8);
                h[FrameLayout.LENGTH_OFFSET + 1] = (byte) declared;
                out.writeBytes(h);
            }
        }
        return out.toByteArray();
    }

    private static byte[] cleanGarbage(SplittableRandom random, int n) {
        byte[] g = new byte[n];
        random.nextBytes(g);
        for (int i = 0; i < n; i++) {
            if (g[i] == 0x23 || g[i] == 0x24) {
                g[i] = 0x55;
            }
        }
        return g;
    }

    /** Writes {@code bytes} in random chunks, checking every event; returns the bytes written. */
    private static int feed(EmbeddedChannel ch, byte[] bytes, SplittableRandom random, boolean tracked,
                            StreamStats stats, List<ReferenceCounted> buffers) {
        return feed(ch, bytes, random, tracked, stats, buffers, null);
    }

    private static int feed(EmbeddedChannel ch, byte[] bytes, SplittableRandom random, boolean tracked,
                            StreamStats stats, List<ReferenceCounted> buffers, List<String> log) {
        byte[] h = HISTORY.getOrDefault(ch, new byte[0]);
        byte[] keep = Arrays.copyOfRange(h, Math.max(0, h.length - FrameLayout.MAX_FRAME_LENGTH), h.length);
        byte[] joined = Arrays.copyOf(keep, keep.length + bytes.length);
        System.arraycopy(bytes, 0, joined, keep.length, bytes.length);
        HISTORY.put(ch, joined);
        int at = 0;
        while (at < bytes.length) {
            int size = switch (random.nextInt(20)) {
                case 0, 1 -> 1;
                case 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 -> 1 + random.nextInt(32);
                case 12, 13, 14, 15, 16, 17, 18 -> 1 + random.nextInt(512);
                default -> 1 + random.nextInt(4_096);
            };
            size = Math.min(size, bytes.length - at);
            ByteBuf chunk = chunk(bytes, at, size, random, tracked);
            buffers.add(chunk);
            at += size;
            ch.writeInbound(chunk);
            stats.chunks++;
            Object o;
            while ((o = ch.readInbound()) != null) {
                event(o, stats, buffers, log);
            }
        }
        return bytes.length;
    }

    private static ByteBuf chunk(byte[] stream, int at, int size, SplittableRandom random, boolean tracked) {
        int kind = random.nextInt(10);
        if (kind < 7 || size < 2) {
            return tracked && kind < 3
                    ? Unpooled.directBuffer(size).writeBytes(stream, at, size) // leak-tracked
                    : Unpooled.wrappedBuffer(stream, at, size);
        }
        if (kind < 9) {
            // a read-only view: the decoder cannot write into it, so it must copy when it cumulates
            return Unpooled.wrappedBuffer(stream, at, size).asReadOnly();
        }
        // non-contiguous input: the decoder must copy, not slice
        int half = size / 2;
        CompositeByteBuf composite = Unpooled.compositeBuffer();
        composite.addComponent(true, Unpooled.wrappedBuffer(stream, at, half));
        composite.addComponent(true, tracked
                ? Unpooled.directBuffer(size - half).writeBytes(stream, at + half, size - half)
                : Unpooled.wrappedBuffer(stream, at + half, size - half));
        return composite;
    }

    private static void event(Object o, StreamStats stats, List<ReferenceCounted> buffers, List<String> log) {
        assertThat(o).isInstanceOf(FrameEvent.class);
        if (o instanceof Gb32960Frame frame) {
            buffers.add(frame);
            try {
                ByteBuf content = frame.content();
                byte[] bytes = ByteBufUtil.getBytes(content);
                FrameHeader header = Gb32960Decoder.checkFrame(bytes, 0, bytes.length); // start, length, BCC
                assertThat(frame.header()).isEqualTo(header);
                assertThat(frame.dataUnit().readableBytes()).isEqualTo(header.dataLength());
                try {
                    UPLINK.decode(content);
                } catch (Gb32960DecodeException e) {
                    stats.undecodable++;
                }
                stats.accounted += bytes.length;
                stats.frames++;
                stats.last = bytes;
                if (log != null) {
                    log.add("frame " + Hex.encode(bytes));
                }
            } finally {
                frame.release();
            }
        } else {
            FrameFailure f = (FrameFailure) o;
            assertThat(f.length()).as("seed 0x%x: %s", SEED, f).isPositive();
            assertThat(f.header() == null).as("seed 0x%x: header iff not garbage: %s", SEED, f)
                    .isEqualTo(f.error() == DecodeError.GARBAGE);
            assertThat(f.hexHead()).hasSize(2 * Math.min(f.length(), 64));
            stats.failures.merge(f.error(), 1L, Long::sum);
            stats.accounted += f.length();
            stats.last = null;
            if (log != null) {
                log.add(f.error() == DecodeError.GARBAGE ? "GARBAGE " + f.length() : f.error() + " " + f.length() + " " + f.header());
            }
        }
    }

    static final class StreamStats {
        long chunks;
        long frames;
        long undecodable;
        long accounted;
        long flushed;
        byte[] last;
        final Map<DecodeError, Long> failures = new EnumMap<>(DecodeError.class);

        @Override
        public String toString() {
            return "chunks=" + chunks + " bytes=" + accounted + " frames=" + frames + " (of which data unit rejected: "
                    + undecodable + ") failures=" + failures + " flushes=" + flushed;
        }
    }
}
