package io.gb32960.protocol.unit;

import java.util.List;
import java.util.Objects;

/**
 * 2025 alarm, info type 0x06 (Tables 23/24): level 0-4 (4 = thermal event), then N5 pairs of
 * (flag bit, level) giving the level of each active general alarm.
 */
public record Alarm2025(int maxLevel, long flags, FaultCodes storageFaults, FaultCodes motorFaults,
                        FaultCodes engineFaults, FaultCodes otherFaults, List<FlagLevel> flagLevels)
        implements Alarm {

    public Alarm2025 {
        Objects.requireNonNull(flagLevels, "flagLevels");
    }

    /** One (flag bit, level) pair of the N5 list. */
    public record FlagLevel(int flagBit, int level) {
    }

    @Override
    public List<String> flagNames() {
        return Alarm.names(flags, AlarmFlags.V2025);
    }

    public static String flagName(int bit) {
        return bit < AlarmFlags.V2025.length ? AlarmFlags.V2025[bit] : "reserved" + bit;
    }
}
