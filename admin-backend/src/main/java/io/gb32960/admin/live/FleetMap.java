package io.gb32960.admin.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Where the online vehicles are: the position of each one's newest frame (for the fleet map).
 *
 * @param truncated more online vehicles have a position than were returned
 */
public record FleetMap(List<Position> positions, boolean truncated) {

    public FleetMap {
        positions = List.copyOf(positions);
    }

    /** One vehicle's newest position, with what the map shows beside it. */
    public record Position(String vin, BigDecimal lat, BigDecimal lon, BigDecimal speedKmh, Integer soc,
                           Integer alarmLevel, Instant at) {
    }
}
