package io.gb32960.admin.live;

import java.math.BigDecimal;
import java.time.Instant;

/** One frame of a vehicle's track: where, how fast, battery; null values were abnormal or invalid. */
public record TrackPoint(Instant t, BigDecimal lon, BigDecimal lat, BigDecimal speedKmh, Integer soc,
                         BigDecimal voltageV, BigDecimal currentA) {
}
