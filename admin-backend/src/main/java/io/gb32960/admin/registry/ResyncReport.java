package io.gb32960.admin.registry;

import java.time.Duration;

/**
 * What a registry resync did.
 *
 * @param vehicles         vehicles written to Redis
 * @param accounts         platform accounts written to Redis
 * @param orphanVehicles   vehicle entries in Redis without a row in MySQL, removed (when asked)
 * @param orphanAccounts   platform account entries in Redis without a row in MySQL, removed (when asked)
 */
public record ResyncReport(long vehicles, long accounts, long orphanVehicles, long orphanAccounts, Duration took) {
}
