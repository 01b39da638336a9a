package io.gb32960.protocol.unit;

import java.util.ArrayList;
import java.util.List;

/** Alarm data (报警数据): info type 0x07 in 2016 (Tables 17/18), 0x06 in 2025 (Tables 23/24). */
public sealed interface Alarm extends InfoUnit permits Alarm2016, Alarm2025 {

    int maxLevel();

    long flags();

    FaultCodes storageFaults();

    FaultCodes motorFaults();

    FaultCodes engineFaults();

    FaultCodes otherFaults();

    /** Names of the general alarm flags that are set, for this edition. */
    List<String> flagNames();

    static List<String> names(long flags, String[] table) {
        List<String> out = new ArrayList<>();
        for (int bit = 0; bit < 32; bit++) {
            if ((flags & (1L << bit)) != 0) {
                out.add(bit < table.length && table[bit] != null ? table[bit] : "reserved" + bit);
            }
        }
        return out;
    }
}
