package io.gb32960.consumers.events;

import io.gb32960.platform.common.event.VehicleEvent;
import io.gb32960.platform.common.event.VehicleEvent.EventType;

import java.time.Instant;
import java.util.Objects;

/**
 * The current connection state of one vehicle ({@code vehicle_online_state}).
 *
 * @param node        the node of the last applied event
 * @param since       online since / offline since
 * @param reason      why offline (null when online)
 * @param lastEventAt time of the last applied event
 * @param lastSeen    the newest event of any node, applied or not
 */
record OnlineState(String vin, boolean online, String node, String remote, Instant since, String reason,
                   EventType lastEvent, Instant lastEventAt, Instant lastSeen) {

    OnlineState {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastEvent, "lastEvent");
        Objects.requireNonNull(lastEventAt, "lastEventAt");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /**
     * This state after {@code e}. Events are applied in time order only: an event older than the
     * last applied one changes nothing but {@code lastSeen}. A node going offline for a vehicle that
     * is online on another node (the vehicle was kicked by a newer login there, or the events of two
     * nodes crossed) does not take it offline. Re-applying an event yields the same state, so
     * replays are harmless.
     *
     * @param current null when the vehicle has no state yet
     */
    static OnlineState apply(OnlineState current, VehicleEvent e) {
        Instant at = e.at();
        if (current == null) {
            boolean online = isOnline(e.type());
            return new OnlineState(e.vin(), online, e.node(), e.remote(), at, online ? null : reasonOf(e),
                    e.type(), at, at);
        }
        Instant lastSeen = at.isAfter(current.lastSeen) ? at : current.lastSeen;
        boolean stale = at.isBefore(current.lastEventAt)
                || (!isOnline(e.type()) && current.online && !current.node.equals(e.node()));
        if (stale) {
            return current.withLastSeen(lastSeen);
        }
        if (isOnline(e.type())) {
            boolean continues = current.online && current.node.equals(e.node());
            return new OnlineState(e.vin(), true, e.node(), e.remote() != null ? e.remote() : current.remote,
                    continues ? current.since : at, null, e.type(), at, lastSeen);
        }
        boolean continues = !current.online;
        return new OnlineState(e.vin(), false, e.node(), e.remote() != null ? e.remote() : current.remote,
                continues ? current.since : at, continues && current.reason != null ? current.reason : reasonOf(e),
                e.type(), at, lastSeen);
    }

    private OnlineState withLastSeen(Instant seen) {
        return new OnlineState(vin, online, node, remote, since, reason, lastEvent, lastEventAt, seen);
    }

    private static boolean isOnline(EventType type) {
        return type == EventType.LOGIN || type == EventType.ONLINE;
    }

    private static String reasonOf(VehicleEvent e) {
        if (e.reason() != null) {
            return e.reason().name();
        }
        return e.type() == EventType.LOGOUT ? VehicleEvent.OfflineReason.LOGOUT.name() : null;
    }
}
