package io.gb32960.consumers.frame;

import io.gb32960.protocol.message.TelemetryReport;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A realtime or reissue frame that decoded and passed every check.
 *
 * @param report     the decoded (and decrypted) report
 * @param frame      the frame to store: the record's bytes, or for an encrypted frame the plaintext
 *                   frame re-encoded with encryption 0x01, so a reader needs no keys
 * @param encryption the encryption byte as received
 * @param node       the access node (record header), {@code "unknown"} when absent
 * @param receivedAt when the access node received it (record header; the record timestamp when absent)
 */
public record DecodedFrame(TelemetryReport report, byte[] frame, int encryption, String node, Instant receivedAt)
        implements FrameOutcome {

    public DecodedFrame {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public String vin() {
        return report.header().vin();
    }

    public int command() {
        return report.header().command();
    }

    /** The collection time (Beijing time on the wire) as UTC, the way the database holds times. */
    public LocalDateTime collectedAtUtc() {
        return report.time().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    public LocalDateTime receivedAtUtc() {
        return LocalDateTime.ofInstant(receivedAt, ZoneOffset.UTC);
    }
}
