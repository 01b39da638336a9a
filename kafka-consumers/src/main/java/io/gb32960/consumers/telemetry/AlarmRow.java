package io.gb32960.consumers.telemetry;

import io.gb32960.consumers.frame.DecodedFrame;
import io.gb32960.protocol.unit.Alarm;
import io.gb32960.protocol.unit.Alarm2025;
import io.gb32960.protocol.unit.FaultCodes;
import io.gb32960.protocol.value.Scale;
import io.gb32960.protocol.value.ValueState;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One {@code alarm_event} row: the alarm block of a frame with a level above 0, a general flag set or
 * fault codes. Flag names follow the frame's edition (2016 Table 18, 2025 Table 24); an abnormal or
 * invalid flag DWORD sets no flags.
 *
 * @param flags      the names of the set flags, comma-separated
 * @param faultCodes JSON {@code {"storage":[..],"motor":[..],"engine":[..],"other":[..]}}, 8 hex digits each
 * @param flagLevels 2025 JSON {@code [{"bit":..,"flag":..,"level":..}]}, null for 2016
 */
record AlarmRow(String vin, LocalDateTime collectedAt, int command, LocalDateTime receivedAt, String node,
                int edition, Integer maxLevel, long flagBits, String flags, String faultCodes, String flagLevels) {

    /** The alarm row of {@code f}, or null when its frame reports no alarm. */
    static AlarmRow of(DecodedFrame f) {
        Alarm a = f.report().unit(Alarm.class);
        if (a == null) {
            return null;
        }
        Integer level = TelemetryRow.enumByte(a.maxLevel());
        boolean flagsValid = Scale.stateOfDword(a.flags()) == ValueState.VALID;
        int faults = count(a.storageFaults()) + count(a.motorFaults()) + count(a.engineFaults()) + count(a.otherFaults());
        boolean alarming = (level != null && level > 0) || (flagsValid && a.flags() != 0) || faults > 0;
        if (!alarming) {
            return null;
        }
        List<String> names = flagsValid ? a.flagNames() : List.of();
        return new AlarmRow(f.vin(), f.collectedAtUtc(), f.command(), f.receivedAtUtc(), f.node(),
                Integer.parseInt(f.report().header().edition().label()), level, a.flags(), String.join(",", names),
                faultJson(a), a instanceof Alarm2025 ? flagLevelJson((Alarm2025) a) : null);
    }

    private static int count(FaultCodes f) {
        return f.codes().size();
    }

    private static String faultJson(Alarm a) {
        StringBuilder b = new StringBuilder(64).append('{');
        list(b, "storage", a.storageFaults()).append(',');
        list(b, "motor", a.motorFaults()).append(',');
        list(b, "engine", a.engineFaults()).append(',');
        list(b, "other", a.otherFaults());
        return b.append('}').toString();
    }

    private static StringBuilder list(StringBuilder b, String name, FaultCodes f) {
        b.append('"').append(name).append("\":[");
        String[] hex = f.hex();
        for (int i = 0; i < hex.length; i++) {
            b.append(i == 0 ? "\"" : ",\"").append(hex[i]).append('"');
        }
        return b.append(']');
    }

    private static String flagLevelJson(Alarm2025 a) {
        StringBuilder b = new StringBuilder(32).append('[');
        for (int i = 0; i < a.flagLevels().size(); i++) {
            Alarm2025.FlagLevel l = a.flagLevels().get(i);
            b.append(i == 0 ? "" : ",").append("{\"bit\":").append(l.flagBit()).append(",\"flag\":\"")
                    .append(Alarm2025.flagName(l.flagBit())).append("\",\"level\":").append(l.level()).append('}');
        }
        return b.append(']').toString();
    }
}
