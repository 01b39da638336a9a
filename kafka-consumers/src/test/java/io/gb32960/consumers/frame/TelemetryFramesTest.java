package io.gb32960.consumers.frame;

import com.google.common.base.Ticker;
import io.gb32960.consumers.config.ConsumersProperties;
import io.gb32960.consumers.keys.VehicleKeys;
import io.gb32960.consumers.support.TestFrames;
import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.crypto.KeyProvider;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.Heartbeat;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.wire.DataTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Record to frame or rejection, without Kafka or Redis. */
class TelemetryFramesTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 21, 10, 0, 0);
    private static final String VIN = "LFRAMES0000000001";

    private static TelemetryFrames frames(boolean requireVerified) {
        ConsumersProperties.Keys settings = new ConsumersProperties.Keys(false, Duration.ofSeconds(60), 100,
                Duration.ofSeconds(2), null, ConsumersProperties.Keys.SymmetricMode.CBC);
        return new TelemetryFrames(new VehicleKeys(null, KeyProvider.NONE, settings, Ticker.systemTicker()), requireVerified);
    }

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>("t", 0, 7, key, value);
        r.headers().add(Topics.HEADER_NODE, "node-7".getBytes(StandardCharsets.UTF_8));
        r.headers().add(Topics.HEADER_RECEIVED_AT, "1795312800123".getBytes(StandardCharsets.UTF_8));
        return r;
    }

    private static RejectReason reason(FrameOutcome o) {
        assertThat(o).isInstanceOf(Rejection.class);
        return ((Rejection) o).reason();
    }

    @Test
    void aGoodFrameKeepsItsBytesNodeAndReceiveTime() {
        byte[] f = TestFrames.realtime(Edition.V2025, VIN, T).frame();
        FrameOutcome o = frames(false).decode(record(VIN, f));
        assertThat(o).isInstanceOfSatisfying(DecodedFrame.class, d -> {
            assertThat(d.frame()).isSameAs(f);
            assertThat(d.node()).isEqualTo("node-7");
            assertThat(d.receivedAt()).isEqualTo(Instant.ofEpochMilli(1795312800123L));
            assertThat(d.vin()).isEqualTo(VIN);
        });
    }

    @Test
    void withoutHeadersTheRecordTimeAndAnUnknownNode() {
        byte[] f = TestFrames.realtime(Edition.V2016, VIN, T).frame();
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>("t", 0, 7, VIN, f);
        DecodedFrame d = (DecodedFrame) frames(false).decode(r);
        assertThat(d.node()).isEqualTo("unknown");
        assertThat(d.receivedAt()).isEqualTo(Instant.ofEpochMilli(r.timestamp()));
    }

    @Test
    void whatIsNotStored() {
        TelemetryFrames frames = frames(false);
        byte[] heartbeat = Gb32960Encoder.plain().encode(new Heartbeat(FrameHeader.command(Edition.V2016,
                CommandId.HEARTBEAT.id(), VIN)));
        assertThat(reason(frames.decode(record(VIN, heartbeat)))).isEqualTo(RejectReason.NOT_TELEMETRY);
        assertThat(reason(frames.decode(record(VIN, new byte[0])))).isEqualTo(RejectReason.EMPTY);

        TelemetryReport good = TestFrames.realtime(Edition.V2016, VIN, T).report();
        byte[] month13 = Gb32960Encoder.plain().encode(TelemetryReport.of(good.header(), new DataTime(0x1A0D0100_0000L),
                good.units()));
        assertThat(reason(frames.decode(record(VIN, month13)))).isEqualTo(RejectReason.INVALID_TIME);

        byte[] spaceInId = TestFrames.realtime(Edition.V2016, "LFRAMES 00000001", T).frame();
        assertThat(reason(frames.decode(record(null, spaceInId)))).isEqualTo(RejectReason.INVALID_VIN);
    }

    @Test
    void unverifiedSignaturesWhenRequired() {
        byte[] f = TestFrames.realtime(Edition.V2025, VIN, T).frame();
        assertThat(reason(frames(true).decode(record(VIN, f)))).isEqualTo(RejectReason.SIGNATURE_NOT_VERIFIED);
        assertThat(frames(true).decode(record(VIN, TestFrames.realtime(Edition.V2016, VIN, T).frame())))
                .as("2016 frames carry no signature").isInstanceOf(DecodedFrame.class);
    }

    @Test
    void keysArePrefetchedOnlyForFramesThatNeedThem() {
        // no Redis configured: prefetching garbage and 2016 frames must simply not fail
        frames(false).prefetchKeys(List.of(record(VIN, new byte[30]), record(VIN, TestFrames.realtime(Edition.V2016, VIN, T)
                .frame()), record(VIN, TestFrames.realtime(Edition.V2025, VIN, T).frame())));
        assertThat(frames(false).decode(record(VIN, new byte[30]))).isInstanceOf(Rejection.class);
    }
}
