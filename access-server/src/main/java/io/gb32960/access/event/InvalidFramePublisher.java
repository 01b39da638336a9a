package io.gb32960.access.event;

import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.protocol.codec.DecodeError;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;

/**
 * Publishes rejected input to {@code gb32960.invalid-frames} for diagnosis: the bytes (or their
 * first 64 as hex, for discarded garbage), the reason, the node and the remote address.
 */
public final class InvalidFramePublisher {

    private final KafkaSideSender kafka;
    private final String nodeId;

    public InvalidFramePublisher(KafkaSideSender kafka, String nodeId) {
        this.kafka = kafka;
        this.nodeId = nodeId;
    }

    /** @param vin the frame's unique id when its header was read, else null */
    public void publish(String vin, DecodeError reason, String detail, byte[] bytes, String remote, long receivedAt) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.INVALID_FRAMES, null, receivedAt, vin, bytes);
        r.headers().add(new RecordHeader(Topics.HEADER_REASON, ascii(reason.name())));
        r.headers().add(new RecordHeader("detail", detail.getBytes(StandardCharsets.UTF_8)));
        r.headers().add(new RecordHeader(Topics.HEADER_NODE, ascii(nodeId)));
        r.headers().add(new RecordHeader("remote", ascii(remote)));
        kafka.send(r);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
