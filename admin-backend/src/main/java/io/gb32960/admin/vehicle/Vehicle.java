package io.gb32960.admin.vehicle;

import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.control.UpgradeLayout;

import java.time.Instant;

/**
 * A vehicle as the admin backend shows it: the {@code vehicle} row, and its connection state as
 * the consumers last recorded it ({@code vehicle_online_state}; null when never seen).
 *
 * @param responseStyle own protocol profile, null = the terminal model's
 * @param upgradeLayout own remote-upgrade layout, null = the terminal model's
 */
public record Vehicle(String vin, String plate, String vehicleModel, String terminalModel,
                      ResponseStyle responseStyle, UpgradeLayout upgradeLayout, String iccid,
                      String firmwareVersion, String hardwareVersion, boolean enabled, Instant createdAt,
                      Instant updatedAt, Boolean online, String node, Instant onlineSince) {
}
