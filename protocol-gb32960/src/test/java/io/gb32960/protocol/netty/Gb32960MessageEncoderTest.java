package io.gb32960.protocol.netty;

import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.FixedString;
import io.gb32960.protocol.value.WordArray;
import io.gb32960.protocol.wire.Bytes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToMessageDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.gb32960.protocol.netty.TestMessages.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link Gb32960MessageEncoder} in an {@link EmbeddedChannel}, and the inbound pipeline end to end:
 * frame decoder, then a handler that decodes each {@link Gb32960Frame} into a message.
 */
class Gb32960MessageEncoderTest {

    private static final Gb32960MessageEncoder ENCODER = new Gb32960MessageEncoder(Gb32960Encoder.plain());

    static Stream<Arguments> messages() {
        List<Arguments> out = new ArrayList<>();
        for (Edition e : Edition.values()) {
            for (Gb32960Message m : TestMessages.samples(e)) {
                out.add(Arguments.of(e.label() + " " + m.getClass().getSimpleName(), m));
            }
            out.add(Arguments.of(e.label() + " maximum telemetry", TestMessages.maximumTelemetry(e)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void writesExactlyTheEncoderBytes(String name, Gb32960Message message) {
        EmbeddedChannel ch = new EmbeddedChannel(ENCODER);
        ch.writeOutbound(message);

        ByteBuf out = ch.readOutbound();
        try {
            assertThat(TestMessages.bytes(out)).isEqualTo(Gb32960Encoder.plain().encode(message));
        } finally {
            out.release();
        }
        assertNull(ch.readOutbound());
        assertFalse(ch.finish());
    }

    @Test
    void isSharableAcrossChannels() {
        EmbeddedChannel a = new EmbeddedChannel(ENCODER);
        EmbeddedChannel b = new EmbeddedChannel(ENCODER);
        a.writeOutbound(TestMessages.heartbeat(Edition.V2016));
        b.writeOutbound(TestMessages.heartbeat(Edition.V2025));

        ByteBuf outA = a.readOutbound();
        ByteBuf outB = b.readOutbound();
        try {
            assertThat(TestMessages.bytes(outA)).isEqualTo(encode(TestMessages.heartbeat(Edition.V2016)));
            assertThat(TestMessages.bytes(outB)).isEqualTo(encode(TestMessages.heartbeat(Edition.V2025)));
        } finally {
            outA.release();
            outB.release();
        }
        assertNull(a.readOutbound());
        assertNull(b.readOutbound());
        assertFalse(a.finish());
        assertFalse(b.finish());
    }

    @Test
    void failsTheWriteOfAnInvalidMessageWithoutLeaking() {
        // a 2025 header with 2016 subsystem codes cannot be encoded
        VehicleLogin invalid = new VehicleLogin(TestMessages.header(Edition.V2025, CommandId.VEHICLE_LOGIN),
                TestMessages.TIME, 1, FixedString.of("89860321245960123456", VehicleLogin.ICCID_LENGTH),
                new SubsystemCodes(0, 0, List.of()), Bytes.EMPTY);
        EmbeddedChannel ch = new EmbeddedChannel(ENCODER);

        EncoderException e = assertThrows(EncoderException.class, () -> ch.writeOutbound(invalid));
        assertThat(e).hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertNull(ch.readOutbound());
        assertFalse(ch.finish());
    }

    @Test
    void passesOtherObjectsThrough() {
        EmbeddedChannel ch = new EmbeddedChannel(ENCODER);
        ch.writeOutbound("not a message");

        assertThat((Object) ch.readOutbound()).isEqualTo("not a message");
        assertNull(ch.readOutbound());
        assertFalse(ch.finish());
    }

    /** The smallest message decoder a server would put after the framer; releases each frame. */
    private static final class FrameToMessage extends MessageToMessageDecoder<Gb32960Frame> {

        private final Gb32960Decoder decoder = Gb32960Decoder.uplink();

        FrameToMessage() {
            super(Gb32960Frame.class);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, Gb32960Frame frame, List<Object> out) {
            out.add(decoder.decode(frame.content()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void decodesWhatItEncodedThroughTheInboundPipeline(String name, Gb32960Message message) {
        EmbeddedChannel outbound = new EmbeddedChannel(ENCODER);
        outbound.writeOutbound(message, message);
        EmbeddedChannel inbound = new EmbeddedChannel(new Gb32960FrameDecoder(), new FrameToMessage());
        ByteBuf wire;
        while ((wire = outbound.readOutbound()) != null) {
            // hand the bytes over in two uneven reads per frame
            inbound.writeInbound(wire.readRetainedSlice(wire.readableBytes() / 3));
            inbound.writeInbound(wire.readRetainedSlice(wire.readableBytes()));
            wire.release();
        }

        for (int i = 0; i < 2; i++) {
            Gb32960Message decoded = inbound.readInbound();
            // value types compare by content: a decoded Bytes may be a view into the received frame
            assertThat(decoded).usingRecursiveComparison().ignoringFields("header.dataLength")
                    .withEqualsForType(Bytes::equals, Bytes.class)
                    .withEqualsForType(WordArray::equals, WordArray.class)
                    .isEqualTo(message);
            assertThat(decoded.header().dataLength()).isEqualTo(Gb32960Encoder.dataUnit(message).length);
            assertThat(encode(decoded)).isEqualTo(encode(message));
        }
        assertNull(inbound.readInbound());
        assertFalse(inbound.finish());
        assertFalse(outbound.finish());
    }

    @Test
    void passesFailuresOnAndKeepsDecodingAfterThem() {
        byte[] bad = encode(TestMessages.login(Edition.V2025));
        bad[bad.length - 1] ^= 0x7F;
        byte[] good = encode(TestMessages.telemetry(Edition.V2016));
        EmbeddedChannel inbound = new EmbeddedChannel(new Gb32960FrameDecoder(), new FrameToMessage());
        inbound.writeInbound(TestMessages.buf(new byte[] {0x01, 0x02}, bad, good));

        assertThat((Object) inbound.readInbound()).isInstanceOfSatisfying(FrameFailure.class,
                f -> assertThat(f.error()).isEqualTo(DecodeError.GARBAGE));
        assertThat((Object) inbound.readInbound()).isInstanceOfSatisfying(FrameFailure.class,
                f -> assertThat(f.error()).isEqualTo(DecodeError.BAD_BCC));
        Gb32960Message decoded = inbound.readInbound();
        assertThat(encode(decoded)).isEqualTo(good);
        assertNull(inbound.readInbound());
        assertFalse(inbound.finish());
    }
}
