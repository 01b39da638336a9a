package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.DwordArray;
import io.gb32960.protocol.value.OwnedList;
import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

import java.util.List;

/**
 * Alarm block: 2016 info type 0x07 (Table 17), 2025 info type 0x06 (Table 23, adds N5 pairs of
 * flag bit and level).
 */
final class AlarmCodec implements InfoUnitCodec<Alarm> {

    private final boolean v2025;

    AlarmCodec(boolean v2025) {
        this.v2025 = v2025;
    }

    @Override
    public int typeId() {
        return v2025 ? 0x06 : 0x07;
    }

    @Override
    public Class<Alarm> unitType() {
        return Alarm.class;
    }

    @Override
    public boolean accepts(Class<?> recordType) {
        return recordType == (v2025 ? Alarm2025.class : Alarm2016.class);
    }

    @Override
    public Alarm decode(WireReader in) {
        int level = in.u8();
        long flags = in.u32();
        FaultCodes storage = faults(in, "energy-storage fault codes");
        FaultCodes motor = faults(in, "drive-motor fault codes");
        FaultCodes engine = faults(in, "engine fault codes");
        FaultCodes other = faults(in, "other fault codes");
        if (!v2025) {
            return new Alarm2016(level, flags, storage, motor, engine, other);
        }
        int n5 = in.u8();
        in.require(n5 * 2, "alarm flag levels");
        return new Alarm2025(level, flags, storage, motor, engine, other,
                OwnedList.read(n5, in, r -> new Alarm2025.FlagLevel(r.u8(), r.u8())));
    }

    private static FaultCodes faults(WireReader in, String what) {
        int n = in.u8();
        if (n == 0) {
            return FaultCodes.NONE;
        }
        if (n >= 0xFE) {
            return new FaultCodes(n, DwordArray.EMPTY); // abnormal/invalid count: no codes follow
        }
        return new FaultCodes(n, DwordArray.wrap(in.dwords(n, what)));
    }

    @Override
    public void encode(Alarm u, WireWriter out) {
        if (v2025 != (u instanceof Alarm2025)) {
            throw new IllegalArgumentException(u.getClass().getSimpleName() + " does not belong to this edition");
        }
        out.u8(u.maxLevel()).u32(u.flags());
        faults(u.storageFaults(), out);
        faults(u.motorFaults(), out);
        faults(u.engineFaults(), out);
        faults(u.otherFaults(), out);
        if (u instanceof Alarm2025 a) {
            List<Alarm2025.FlagLevel> levels = a.flagLevels();
            out.u8(levels.size());
            for (Alarm2025.FlagLevel l : levels) {
                out.u8(l.flagBit()).u8(l.level());
            }
        }
    }

    private static void faults(FaultCodes f, WireWriter out) {
        out.u8(f.count()).dwords(f.codes().unsafeRaw());
    }
}
