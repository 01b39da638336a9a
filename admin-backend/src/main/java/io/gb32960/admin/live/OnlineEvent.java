package io.gb32960.admin.live;

import java.time.Instant;

/** A login, logout, online or offline event of a vehicle ({@code vehicle_online_log}). */
public record OnlineEvent(String vin, Instant at, String event, String reason, String node, String remote) {
}
