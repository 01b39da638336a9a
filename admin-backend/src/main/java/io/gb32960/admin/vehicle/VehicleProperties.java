package io.gb32960.admin.vehicle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Vehicles ({@code gb32960.admin.vehicles.*}).
 *
 * @param vinCheck        how strictly VINs are checked (STRICT: GB 16735 with check digit)
 * @param registryTimeout how long a change waits for the Redis registry to take it
 * @param importMaxRows   the most rows one CSV import takes
 */
@ConfigurationProperties("gb32960.admin.vehicles")
public record VehicleProperties(@DefaultValue("STRICT") Vin.Check vinCheck,
                                @DefaultValue("5s") Duration registryTimeout,
                                @DefaultValue("50000") int importMaxRows) {
}
