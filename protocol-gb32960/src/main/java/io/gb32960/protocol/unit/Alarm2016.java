package io.gb32960.protocol.unit;

import java.util.List;

/** 2016 alarm, info type 0x07 (Tables 17/18). Level 0-3. */
public record Alarm2016(int maxLevel, long flags, FaultCodes storageFaults, FaultCodes motorFaults,
                        FaultCodes engineFaults, FaultCodes otherFaults) implements Alarm {

    @Override
    public List<String> flagNames() {
        return Alarm.names(flags, AlarmFlags.V2016);
    }
}
