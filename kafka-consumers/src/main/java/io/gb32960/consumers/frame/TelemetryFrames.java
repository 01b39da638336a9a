package io.gb32960.consumers.frame;

import io.gb32960.consumers.keys.VehicleKeys;
import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.codec.Direction;
import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.codec.ProfileResolver;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.FrameLayout;
import io.gb32960.protocol.message.EncryptedMessage;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.SignatureStatus;
import io.gb32960.protocol.message.TelemetryReport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns records of {@code gb32960.telemetry} (key VIN, value the raw frame) into frames to store or
 * rejections, with the protocol library: check, decrypt, parse, verify the 2025 signature, then the
 * checks of this side (a storable VIN that matches the key, a calendar collection time). Never
 * throws for bad input; only a key lookup failure (Redis down) escapes from {@link #prefetchKeys}.
 * Thread-safe.
 */
public final class TelemetryFrames {

    private static final String UNKNOWN_NODE = "unknown";
    private static final Gb32960Encoder PLAIN = Gb32960Encoder.plain();

    private final VehicleKeys keys;
    private final Gb32960Decoder decoder;
    private final boolean requireVerifiedSignature;

    public TelemetryFrames(VehicleKeys keys, boolean requireVerifiedSignature) {
        this.keys = keys;
        this.decoder = new Gb32960Decoder(Direction.UPLINK, ProfileResolver.DEFAULT, keys);
        this.requireVerifiedSignature = requireVerifiedSignature;
    }

    /** Loads the keys the batch's frames need (encrypted and 2025 frames) before decoding. */
    public void prefetchKeys(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> vins = new LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            byte[] v = r.value();
            if (v != null && v.length >= FrameLayout.HEADER_LENGTH && needsKeys(v)) {
                vins.add(FrameHeader.parse(v, 0).vin());
            }
        }
        keys.prefetch(vins);
    }

    private static boolean needsKeys(byte[] frame) {
        int start = frame[0] & 0xFF;
        if (start != (frame[1] & 0xFF) || Edition.fromStartByte(start) == null) {
            return false; // not a frame: the decoder rejects it
        }
        int encryption = frame[21] & 0xFF;
        return start == Edition.V2025.startByte()
                || (encryption >= EncryptionType.RSA.id() && encryption <= EncryptionType.SM4.id());
    }

    public FrameOutcome decode(ConsumerRecord<String, byte[]> record) {
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            return new Rejection(RejectReason.EMPTY, "record without a value");
        }
        FrameOutcome first = decodeOnce(record, value);
        if (first instanceof Rejection rejection && retryWithFreshKeys(rejection.reason())
                && value.length >= FrameLayout.HEADER_LENGTH && keys.refresh(FrameHeader.parse(value, 0).vin())) {
            return decodeOnce(record, value);
        }
        return first;
    }

    private static boolean retryWithFreshKeys(RejectReason reason) {
        return reason == RejectReason.DECRYPTION_FAILED || reason == RejectReason.SIGNATURE_FAILED
                || reason == RejectReason.NO_KEY || reason == RejectReason.SIGNATURE_NOT_VERIFIED;
    }

    private FrameOutcome decodeOnce(ConsumerRecord<String, byte[]> record, byte[] value) {
        Gb32960Message message;
        try {
            message = decoder.decodeOwned(value);
        } catch (Gb32960DecodeException e) {
            RejectReason reason = e.error() == DecodeError.DECRYPTION_FAILED ? RejectReason.DECRYPTION_FAILED
                    : RejectReason.DECODE_FAILED;
            return new Rejection(reason, e.error() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // a codec bug must not block the partition: the frame is kept in the dead-letter topic
            return new Rejection(RejectReason.DECODE_FAILED, "decoder failed: " + e);
        }
        if (message instanceof EncryptedMessage) {
            return new Rejection(RejectReason.NO_KEY, "no " + EncryptionType.labelOf(message.header().encryption())
                    + " key for " + message.header().vin());
        }
        if (!(message instanceof TelemetryReport)) {
            return new Rejection(RejectReason.NOT_TELEMETRY, "command " + message.header().commandName());
        }
        TelemetryReport report = (TelemetryReport) message;
        FrameHeader h = report.header();
        if (h.command() != CommandId.REALTIME_REPORT.id() && h.command() != CommandId.REISSUE_REPORT.id()) {
            return new Rejection(RejectReason.NOT_TELEMETRY, "command " + h.commandName());
        }
        if (report.signatureStatus() == SignatureStatus.FAILED) {
            return new Rejection(RejectReason.SIGNATURE_FAILED, "signature of " + h.vin() + " does not verify");
        }
        if (requireVerifiedSignature && h.edition() == Edition.V2025 && report.signatureStatus() != SignatureStatus.VERIFIED) {
            return new Rejection(RejectReason.SIGNATURE_NOT_VERIFIED, "signature " + report.signatureStatus());
        }
        if (!storableVin(h.vin())) {
            return new Rejection(RejectReason.INVALID_VIN, "unique id is not 1-17 printable ASCII characters");
        }
        if (record.key() != null && !record.key().equals(h.vin())) {
            return new Rejection(RejectReason.VIN_MISMATCH, "record key " + record.key() + ", frame " + h.vin());
        }
        if (!report.time().isValid()) {
            return new Rejection(RejectReason.INVALID_TIME, "collection time " + report.time() + " is not a calendar time");
        }
        byte[] stored = h.isEncrypted() ? plaintextFrame(report) : value;
        return new DecodedFrame(report, stored, h.encryption(), node(record), receivedAt(record));
    }

    /** The frame as if sent unencrypted: the same records re-encoded with encryption 0x01 (lossless). */
    private static byte[] plaintextFrame(TelemetryReport r) {
        FrameHeader plain = r.header().withEncryption(EncryptionType.NONE.id()).withDataLength(0);
        return PLAIN.encode(new TelemetryReport(plain, r.time(), r.units(), r.signature(), r.signatureStatus(), r.trailer()));
    }

    static boolean storableVin(String vin) {
        if (vin.isEmpty() || vin.length() > FrameLayout.UNIQUE_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < vin.length(); i++) {
            char c = vin.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static String node(ConsumerRecord<String, byte[]> record) {
        String node = header(record, Topics.HEADER_NODE);
        return node == null || node.isEmpty() || node.length() > 64 ? UNKNOWN_NODE : node;
    }

    private static Instant receivedAt(ConsumerRecord<String, byte[]> record) {
        String text = header(record, Topics.HEADER_RECEIVED_AT);
        if (text != null) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                // fall back to the record time
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
