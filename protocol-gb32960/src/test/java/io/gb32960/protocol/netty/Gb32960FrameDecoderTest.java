package io.gb32960.protocol.netty;

import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.FrameLayout;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.wire.Hex;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.gb32960.protocol.netty.TestMessages.buf;
import static io.gb32960.protocol.netty.TestMessages.concat;
import static io.gb32960.protocol.netty.TestMessages.encode;
import static io.gb32960.protocol.netty.TestMessages.garbage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link Gb32960FrameDecoder} in an {@link EmbeddedChannel}, after netty's
 * {@code LengthFieldBasedFrameDecoderTest} and {@code HAProxyMessageDecoderTest}: split and coalesced
 * reads, garbage, bad check codes, out-of-range lengths, both editions on one connection.
 */
class Gb32960FrameDecoderTest {

    private final List<Gb32960Frame> frames = new ArrayList<>();

    static Stream<Arguments> samples() {
        List<Arguments> out = new ArrayList<>();
        for (Edition e : Edition.values()) {
            for (Gb32960Message m : TestMessages.samples(e)) {
                out.add(Arguments.of(e.label() + " " + m.getClass().getSimpleName(), encode(m)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void framesOneWholeFrame(String name, byte[] frame) {
        EmbeddedChannel ch = channel();
        ch.writeInbound(buf(frame));

        assertFrame(ch.readInbound(), frame);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void framesAFrameSplitInTwoAtEveryOffset(String name, byte[] frame) {
        for (int split = 1; split < frame.length; split++) {
            EmbeddedChannel ch = channel();
            ByteBuf buf = buf(frame);
            ch.writeInbound(buf.readRetainedSlice(split));
            assertNull(ch.readInbound(), "nothing before the last byte, split at " + split);
            ch.writeInbound(buf.readRetainedSlice(buf.readableBytes()));
            buf.release();

            assertFrame(ch.readInbound(), frame);
            assertNull(ch.readInbound());
            assertFalse(ch.finish());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void framesAFrameWrittenOneByteAtATime(String name, byte[] frame) {
        EmbeddedChannel ch = channel();
        ByteBuf buf = buf(frame);
        while (buf.readableBytes() > 1) {
            ch.writeInbound(buf.readRetainedSlice(1));
            assertNull(ch.readInbound());
        }
        ch.writeInbound(buf.readRetainedSlice(1));
        buf.release();

        assertFrame(ch.readInbound(), frame);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void framesTwoFramesCoalescedInOneWrite(Edition edition) {
        byte[] a = encode(TestMessages.login(edition));
        byte[] b = encode(TestMessages.heartbeat(edition));
        EmbeddedChannel ch = channel();
        ch.writeInbound(buf(a, b));

        assertFrame(ch.readInbound(), a);
        assertFrame(ch.readInbound(), b);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void framesThreeFramesCoalescedInOneWrite(Edition edition) {
        byte[] a = encode(TestMessages.login(edition));
        byte[] b = encode(TestMessages.telemetry(edition));
        byte[] c = encode(TestMessages.heartbeat(edition));
        EmbeddedChannel ch = channel();
        ch.writeInbound(buf(a, b, c));

        assertFrame(ch.readInbound(), a);
        assertFrame(ch.readInbound(), b);
        assertFrame(ch.readInbound(), c);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void framesCoalescedFramesSplitAcrossReadBoundaries() {
        byte[] a = encode(TestMessages.telemetry(Edition.V2016));
        byte[] b = encode(TestMessages.login(Edition.V2025));
        byte[] c = encode(TestMessages.heartbeat(Edition.V2016));
        EmbeddedChannel ch = channel();
        ByteBuf all = buf(a, b, c);
        // the first read ends inside the second frame's header, the second inside the third frame
        ch.writeInbound(all.readRetainedSlice(a.length + 10));
        assertFrame(ch.readInbound(), a);
        assertNull(ch.readInbound());
        ch.writeInbound(all.readRetainedSlice(b.length - 10 + 3));
        assertFrame(ch.readInbound(), b);
        assertNull(ch.readInbound());
        ch.writeInbound(all.readRetainedSlice(all.readableBytes()));
        all.release();

        assertFrame(ch.readInbound(), c);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    static Stream<Arguments> garbagePrefixes() {
        return Stream.of(
                Arguments.of("random bytes", garbage(37, 1)),
                Arguments.of("lone # after other bytes", concat(garbage(5, 2), new byte[] {0x23}, garbage(5, 3))),
                Arguments.of("lone $ after other bytes", concat(garbage(3, 4), new byte[] {0x24}, garbage(1, 5))),
                Arguments.of("#$ then a byte", new byte[] {0x23, 0x24, 0x00}),
                Arguments.of("$# then a byte", new byte[] {0x24, 0x23, 0x7E}),
                Arguments.of("one zero byte", new byte[] {0x00}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbagePrefixes")
    void discardsGarbageBeforeTheStartBytes(String name, byte[] prefix) {
        for (Edition edition : Edition.values()) {
            byte[] frame = encode(TestMessages.telemetry(edition));
            EmbeddedChannel ch = channel();
            ch.writeInbound(buf(prefix, frame));

            assertEquals(prefix.length, drainGarbage(ch, prefix), edition.label() + ": all of the prefix is garbage");
            assertFrame(ch.readInbound(), frame);
            assertNull(ch.readInbound());
            assertFalse(ch.finish());
        }
    }

    static Stream<Arguments> strayStartBytes() {
        List<Arguments> out = new ArrayList<>();
        for (String prefix : List.of("23", "24", "2324", "2423", "2323", "2424")) {
            for (Edition edition : Edition.values()) {
                out.add(Arguments.of(prefix, edition));
            }
        }
        return out.stream();
    }

    /**
     * Start-byte garbage right before a frame: {@code #} + {@code ##...} makes three start bytes
     * in a row. The frame (and the one after it) must still come out, and exactly the prefix is
     * discarded: 0x23/0x24 are not commands of either edition (upstream reserved), so a framer can
     * prefer the last pair of a run of start bytes.
     */
    @ParameterizedTest(name = "{0} before a {1} frame")
    @MethodSource("strayStartBytes")
    void framesAFramePrecededByStrayStartBytes(String prefixHex, Edition edition) {
        byte[] prefix = Hex.decode(prefixHex);
        byte[] frame = encode(TestMessages.heartbeat(edition));
        byte[] next = encode(TestMessages.login(edition));
        EmbeddedChannel ch = channel();
        ch.writeInbound(buf(prefix, frame, next));

        assertEquals(prefix.length, drainGarbage(ch, prefix), "garbage before the frame");
        assertFrame(ch.readInbound(), frame);
        assertFrame(ch.readInbound(), next);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void discardsGarbageBetweenFrames(Edition edition) {
        byte[] a = encode(TestMessages.login(edition));
        byte[] b = encode(TestMessages.telemetry(edition));
        byte[] c = encode(TestMessages.heartbeat(edition));
        byte[] g1 = garbage(100, 11);
        byte[] g2 = concat(new byte[] {0x23}, garbage(3, 12), new byte[] {0x24, 0x23, 0x55});
        EmbeddedChannel ch = channel();
        ch.writeInbound(buf(a, g1, b, g2, c));

        assertFrame(ch.readInbound(), a);
        assertEquals(g1.length, drainGarbage(ch, g1));
        assertFrame(ch.readInbound(), b);
        assertEquals(g2.length, drainGarbage(ch, g2));
        assertFrame(ch.readInbound(), c);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void keepsATrailingStartByteForTheNextRead(Edition edition) {
        byte[] frame = encode(TestMessages.telemetry(edition));
        byte[] g = garbage(9, 21);
        EmbeddedChannel ch = channel();
        ch.writeInbound(buf(g, Arrays.copyOf(frame, 1)));
        assertEquals(g.length, drainGarbage(ch, g), "the garbage goes, the start byte stays");
        ch.writeInbound(buf(Arrays.copyOfRange(frame, 1, frame.length)));

        assertFrame(ch.readInbound(), frame);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void dropsAKeptStartByteWhoseTwinDoesNotCome() {
        byte[] frame = encode(TestMessages.heartbeat(Edition.V2016));
        EmbeddedChannel ch = channel();
        ch.writeInbound(buf(new byte[] {0x23}));
        assertNull(ch.readInbound());
        ch.writeInbound(buf(new byte[] {0x24, 0x01}, frame));

        assertEquals(3, drainGarbage(ch, new byte[] {0x23, 0x24, 0x01}));
        assertFrame(ch.readInbound(), frame);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void reportsABadCheckCodeWithItsHeaderAndResumes(Edition edition) {
        byte[] bad = encode(TestMessages.telemetry(edition));
        bad[bad.length - 1] ^= 0x5A;
        byte[] good = encode(TestMessages.heartbeat(edition));
        EmbeddedChannel ch = channel();
        ch.writeInbound(buf(bad, good));

        FrameFailure failure = assertFailure(ch.readInbound(), DecodeError.BAD_BCC, bad.length);
        assertThat(failure.header()).isEqualTo(FrameHeader.parse(bad, 0));
        assertThat(failure.header().dataLength()).isEqualTo(bad.length - FrameLayout.MIN_FRAME_LENGTH);
        assertThat(failure.hexHead()).isEqualTo(Hex.encode(bad, 0, 64));
        assertFrame(ch.readInbound(), good);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void reportsABadCheckCodeWrittenOneByteAtATime(Edition edition) {
        byte[] bad = encode(TestMessages.heartbeat(edition));
        bad[bad.length - 1] ^= 0x01;
        byte[] good = encode(TestMessages.login(edition));
        EmbeddedChannel ch = channel();
        ByteBuf buf = buf(bad, good);
        List<Object> events = new ArrayList<>();
        while (buf.isReadable()) {
            ch.writeInbound(buf.readRetainedSlice(1));
            drain(ch, events);
        }
        buf.release();

        assertThat(events).hasSize(2);
        FrameFailure failure = assertFailure(events.get(0), DecodeError.BAD_BCC, bad.length);
        assertThat(failure.header()).isEqualTo(FrameHeader.parse(bad, 0));
        assertThat(failure.hexHead()).isEqualTo(Hex.encode(bad));
        assertFrame(events.get(1), good);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @ParameterizedTest
    @ValueSource(ints = {65532, 0xFFFE, 0xFFFF})
    void rejectsADeclaredLengthOver65531AndResynchronises(int declared) {
        for (Edition edition : Edition.values()) {
            byte[] bad = encode(TestMessages.heartbeat(edition));
            bad[FrameLayout.LENGTH_OFFSET] = (byte) (declared >>> 8);
            bad[FrameLayout.LENGTH_OFFSET + 1] = (byte) declared;
            byte[] good = encode(TestMessages.telemetry(edition));
            EmbeddedChannel ch = channel();
            ch.writeInbound(buf(bad, good));

            FrameFailure failure = assertFailure(ch.readInbound(), DecodeError.LENGTH_OUT_OF_RANGE, 2);
            assertThat(failure.header()).isEqualTo(FrameHeader.parse(bad, 0));
            assertThat(failure.header().dataLength()).isEqualTo(declared);
            // the rest of the untrusted header (and its BCC) is scanned and dropped as garbage
            byte[] rest = Arrays.copyOfRange(bad, 2, bad.length);
            assertEquals(rest.length, drainGarbage(ch, rest), edition.label());
            assertFrame(ch.readInbound(), good);
            assertNull(ch.readInbound());
            assertFalse(ch.finish());
        }
    }

    @Test
    void waitsForADeclaredLengthOf65531WithoutEmittingAnything() {
        byte[] header = Arrays.copyOf(encode(TestMessages.heartbeat(Edition.V2016)), FrameLayout.HEADER_LENGTH);
        header[FrameLayout.LENGTH_OFFSET] = (byte) 0xFF;
        header[FrameLayout.LENGTH_OFFSET + 1] = (byte) 0xFB;
        EmbeddedChannel ch = channel();
        ch.writeInbound(buf(header, new byte[FrameLayout.MAX_DATA_LENGTH]));

        // one byte (the BCC) short: nothing comes out, and closing drops the partial frame
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void framesBothEditionsOnOneConnection() {
        byte[] a = encode(TestMessages.login(Edition.V2016));
        byte[] b = encode(TestMessages.telemetry(Edition.V2025));
        byte[] c = encode(TestMessages.telemetry(Edition.V2016));
        byte[] d = encode(TestMessages.heartbeat(Edition.V2025));
        EmbeddedChannel ch = channel();
        ch.writeInbound(buf(a, b));
        ByteBuf rest = buf(c, d);
        ch.writeInbound(rest.readRetainedSlice(7));
        ch.writeInbound(rest.readRetainedSlice(rest.readableBytes()));
        rest.release();

        assertThat(assertFrame(ch.readInbound(), a).edition()).isEqualTo(Edition.V2016);
        assertThat(assertFrame(ch.readInbound(), b).edition()).isEqualTo(Edition.V2025);
        assertThat(assertFrame(ch.readInbound(), c).edition()).isEqualTo(Edition.V2016);
        assertThat(assertFrame(ch.readInbound(), d).edition()).isEqualTo(Edition.V2025);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void framesAMaximumSizeFrame(Edition edition) {
        byte[] telemetry = encode(TestMessages.maximumTelemetry(edition));
        byte[] custom = encode(TestMessages.maximumCustom(edition));
        assertThat(telemetry).hasSize(FrameLayout.MAX_FRAME_LENGTH);
        assertThat(custom).hasSize(FrameLayout.MAX_FRAME_LENGTH);
        EmbeddedChannel ch = channel();
        ByteBuf buf = buf(telemetry, custom);
        while (buf.isReadable()) {
            ch.writeInbound(buf.readRetainedSlice(Math.min(1000, buf.readableBytes())));
        }
        buf.release();

        assertThat(assertFrame(ch.readInbound(), telemetry).dataLength()).isEqualTo(FrameLayout.MAX_DATA_LENGTH);
        assertThat(assertFrame(ch.readInbound(), custom).dataLength()).isEqualTo(FrameLayout.MAX_DATA_LENGTH);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void accountsForEveryDiscardedByteOfALongGarbageRun() {
        byte[] g = garbage(200_000, 31);
        byte[] frame = encode(TestMessages.telemetry(Edition.V2025));
        EmbeddedChannel ch = channel();
        ByteBuf buf = buf(g, frame);
        while (buf.isReadable()) {
            ch.writeInbound(buf.readRetainedSlice(Math.min(4096, buf.readableBytes())));
        }
        buf.release();

        assertEquals(g.length, drainGarbage(ch, g));
        assertFrame(ch.readInbound(), frame);
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void dropsAnIncompleteFrameOnClose() {
        byte[] frame = encode(TestMessages.login(Edition.V2016));
        EmbeddedChannel ch = channel();
        ch.writeInbound(buf(Arrays.copyOf(frame, frame.length - 1)));

        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new Gb32960FrameDecoder());
    }

    private static void drain(EmbeddedChannel ch, List<Object> events) {
        Object o;
        while ((o = ch.readInbound()) != null) {
            events.add(o);
        }
    }

    /**
     * Every frame read in a test is released; once the channel is finished (and its cumulation
     * buffer released) no reference may be left, since frames are retained slices of it.
     */
    @AfterEach
    void everyFrameIsFullyReleased() {
        for (Gb32960Frame frame : frames) {
            assertThat(frame.refCnt()).as("%s after release and finish", frame).isZero();
        }
    }

    /**
     * Asserts {@code event} is a frame holding exactly {@code expected}, checks header and data unit,
     * releases it and returns its header.
     */
    private FrameHeader assertFrame(Object event, byte[] expected) {
        assertThat(event).isInstanceOf(Gb32960Frame.class);
        Gb32960Frame frame = (Gb32960Frame) event;
        frames.add(frame);
        try {
            assertThat(frame.header()).isEqualTo(FrameHeader.parse(expected, 0));
            assertThat(TestMessages.bytes(frame.content())).isEqualTo(expected);
            assertThat(TestMessages.bytes(frame.dataUnit())).isEqualTo(TestMessages.dataUnit(expected));
        } finally {
            frame.release();
        }
        return frame.header();
    }

    static FrameFailure assertFailure(Object event, DecodeError error, int length) {
        assertThat(event).isInstanceOf(FrameFailure.class);
        FrameFailure failure = (FrameFailure) event;
        assertThat(failure.error()).isEqualTo(error);
        assertThat(failure.length()).isEqualTo(length);
        return failure;
    }

    /**
     * Reads the GARBAGE failures at the head of the inbound queue, checks their hex heads against
     * {@code discarded} and returns how many bytes they account for. Stops before the first
     * non-garbage event (peeked, not consumed).
     */
    private static int drainGarbage(EmbeddedChannel ch, byte[] discarded) {
        int total = 0;
        while (ch.inboundMessages().peek() instanceof FrameFailure f && f.error() == DecodeError.GARBAGE) {
            ch.readInbound();
            assertThat(f.header()).isNull();
            assertThat(f.length()).isPositive();
            if (total + f.length() <= discarded.length) {
                assertThat(f.hexHead()).isEqualTo(Hex.encode(discarded, total, Math.min(f.length(), 64)));
            }
            total += f.length();
        }
        return total;
    }
}
