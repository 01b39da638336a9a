package io.gb32960.platform.common.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * What an access node reports about itself every 500 ms, for least-connection assignment.
 *
 * @param host        public host of its access listener (what terminals are sent to)
 * @param port        public port of its access listener
 * @param connections open TCP connections
 * @param vehicles    logged-in vehicles
 * @param capacity    how many vehicles it is sized for; the weight of least-connection assignment
 * @param at          when the stats were taken
 */
public record NodeStats(String nodeId, String host, int port, int connections, int vehicles, int capacity, Instant at) {

    public NodeStats {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(at, "at");
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
    }

    /** Load relative to capacity: connections / capacity. */
    public double load() {
        return (double) connections / capacity;
    }
}
