package io.gb32960.consumers.events;

import io.gb32960.platform.common.event.VehicleEvent;
import io.gb32960.platform.common.event.VehicleEvent.EventType;
import io.gb32960.platform.common.event.VehicleEvent.OfflineReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OnlineStateTest {

    private static final String VIN = "LONLINE0000000001";
    private static final Instant T = Instant.parse("2026-11-21T02:00:00Z");

    private static VehicleEvent event(EventType type, String node, long second) {
        return new VehicleEvent(VIN, type, type == EventType.OFFLINE ? OfflineReason.IDLE_TIMEOUT : null, node,
                "10.1.1.1:1", T.plusSeconds(second));
    }

    private static OnlineState apply(OnlineState s, VehicleEvent... events) {
        for (VehicleEvent e : events) {
            s = OnlineState.apply(s, e);
        }
        return s;
    }

    @Test
    void aLoginStartsAnOnlineSpellThatFurtherEventsOfTheSameNodeContinue() {
        OnlineState s = apply(null, event(EventType.ONLINE, "a", 0), event(EventType.LOGIN, "a", 1));
        assertThat(s.online()).isTrue();
        assertThat(s.since()).isEqualTo(T);
        assertThat(s.lastEvent()).isEqualTo(EventType.LOGIN);
        assertThat(s.lastEventAt()).isEqualTo(T.plusSeconds(1));
    }

    @Test
    void goingOfflineKeepsTheFirstReasonAndTime() {
        OnlineState s = apply(null, event(EventType.LOGIN, "a", 0), event(EventType.LOGOUT, "a", 10),
                event(EventType.OFFLINE, "a", 11));
        assertThat(s.online()).isFalse();
        assertThat(s.since()).isEqualTo(T.plusSeconds(10));
        assertThat(s.reason()).isEqualTo("LOGOUT");
        assertThat(s.lastSeen()).isEqualTo(T.plusSeconds(11));
    }

    @Test
    void anOlderEventOnlyMovesLastSeenNever() {
        OnlineState s = apply(null, event(EventType.LOGIN, "a", 100));
        OnlineState after = OnlineState.apply(s, event(EventType.OFFLINE, "a", 50));
        assertThat(after).isEqualTo(s);
    }

    @Test
    void anotherNodesOfflineDoesNotTakeTheVehicleOfflineButCountsAsSeen() {
        OnlineState s = apply(null, event(EventType.LOGIN, "a", 0), event(EventType.LOGIN, "b", 5),
                event(EventType.OFFLINE, "a", 6));
        assertThat(s.online()).isTrue();
        assertThat(s.node()).isEqualTo("b");
        assertThat(s.since()).isEqualTo(T.plusSeconds(5));
        assertThat(s.lastSeen()).isEqualTo(T.plusSeconds(6));
    }

    @Test
    void reapplyingTheSameEventsChangesNothing() {
        VehicleEvent[] events = {event(EventType.LOGIN, "a", 0), event(EventType.OFFLINE, "a", 30),
            event(EventType.LOGIN, "c", 40)};
        OnlineState once = apply(null, events);
        assertThat(apply(once, events)).isEqualTo(once);
    }
}
