package io.gb32960.platform.common.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A vehicle's connection life, published on {@code gb32960.vehicle-events} as JSON.
 *
 * @param type    what happened
 * @param reason  why a vehicle went offline (null for other types)
 * @param node    the access node
 * @param remote  the terminal's address, {@code host:port}
 * @param at      when the node saw it
 */
public record VehicleEvent(String vin, EventType type, OfflineReason reason, String node, String remote, Instant at) {

    public VehicleEvent {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(at, "at");
    }

    public enum EventType {
        LOGIN,
        LOGOUT,
        ONLINE,
        OFFLINE
    }

    public enum OfflineReason {
        /** No frame within the idle timeout. */
        IDLE_TIMEOUT,
        /** A newer login of the same VIN replaced this connection. */
        KICKED,
        /** The terminal closed the connection or it broke. */
        CONNECTION_CLOSED,
        /** The access node shut down. */
        SERVER_SHUTDOWN,
        /** The vehicle logged out (0x04). */
        LOGOUT,
        /** The connection kept sending bad frames. */
        BAD_INPUT,
        /** The node that held the vehicle died (no clean shutdown); another node noticed and cleaned up. */
        NODE_LOST
    }
}
