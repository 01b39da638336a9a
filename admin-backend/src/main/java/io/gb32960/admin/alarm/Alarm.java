package io.gb32960.admin.alarm;

import java.time.Instant;
import java.util.List;

/**
 * A frame whose alarm block had a level above 0, a flag set or fault codes ({@code alarm_event},
 * written by the consumers), and its acknowledgement ({@code alarm_ack}) when there is one.
 *
 * @param maxLevel   the highest alarm level (1-3; 2025 up to 4), null when abnormal or invalid on the wire
 * @param faultCodes JSON {@code {"storage":[..],"motor":[..],"engine":[..],"other":[..]}}
 * @param flagLevels 2025 only, JSON {@code [{"bit":..,"flag":..,"level":..}]}
 */
public record Alarm(String vin, Instant collectedAt, int command, Instant receivedAt, String node, int edition,
                    Integer maxLevel, long flagBits, List<String> flags, String faultCodes, String flagLevels,
                    String acknowledgedBy, Instant acknowledgedAt, String comment) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** The path of this alarm in the pages and the API: {@code VIN/epochSeconds/command}. */
    public String key() {
        return vin + "/" + collectedAt.getEpochSecond() + "/" + command;
    }
}
