package io.gb32960.access.telemetry;

import java.util.Objects;

/**
 * A verified telemetry frame waiting for Kafka, with what its Kafka record needs.
 *
 * @param frame      the whole raw frame (start bytes through BCC)
 * @param receivedAt epoch milliseconds when the node received it
 */
public record SpilledFrame(String vin, int command, String edition, long receivedAt, byte[] frame) {

    public SpilledFrame {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(frame, "frame");
    }
}
