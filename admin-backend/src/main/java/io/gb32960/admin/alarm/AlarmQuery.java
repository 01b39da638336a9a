package io.gb32960.admin.alarm;

import java.time.Instant;

/**
 * Filters of the alarm list; null = any.
 *
 * @param minLevel     alarms of at least this level
 * @param acknowledged true: only acknowledged ones, false: only open ones
 * @param flag         alarms with this flag set (its name, e.g. {@code temperatureDifference})
 */
public record AlarmQuery(String vin, Integer minLevel, Instant from, Instant to, Boolean acknowledged, String flag) {
}
