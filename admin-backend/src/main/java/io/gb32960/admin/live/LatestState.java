package io.gb32960.admin.live;

import java.math.BigDecimal;
import java.time.Instant;

/** The newest frame's key values of a vehicle ({@code vehicle_latest_state}, written by the consumers). */
public record LatestState(String vin, Instant collectedAt, int command, Instant receivedAt, String node, int edition,
                          Integer vehicleState, Integer chargingState, BigDecimal speedKmh, Integer soc,
                          BigDecimal odometerKm, BigDecimal voltageV, BigDecimal currentA, BigDecimal longitude,
                          BigDecimal latitude, Integer alarmLevel) {
}
