package io.gb32960.admin.command;

import io.gb32960.admin.vehicle.VehicleQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A command for every vehicle a filter matches.
 *
 * @param filter         the vehicles, as the vehicle list filters them (null = all vehicles)
 * @param ratePerSecond  commands per second (at most the configured batch rate; null = that rate)
 * @param timeoutSeconds how long each command waits for its answer
 * @param queueMinutes   an offline vehicle's command waits this long for its next login (0 = OFFLINE)
 */
public record BatchRequest(VehicleQuery filter, @NotNull @Valid CommandSpec command,
                           @Min(1) @Max(10_000) Integer ratePerSecond, @Min(1) @Max(600) Integer timeoutSeconds,
                           @Min(0) @Max(10_080) Integer queueMinutes) {
}
