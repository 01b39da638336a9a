package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.WordArray;
import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2025 info type 0x31, Table 25. */
final class SuperCapacitorCodec implements InfoUnitCodec<SuperCapacitor> {

    @Override
    public int typeId() {
        return 0x31;
    }

    @Override
    public Class<SuperCapacitor> unitType() {
        return SuperCapacitor.class;
    }

    @Override
    public SuperCapacitor decode(WireReader in) {
        int system = in.u8();
        int voltage = in.u16();
        int current = in.u16();
        int cells = in.u16();
        WordArray cellVoltages = in.words(cells, "super-capacitor cell voltages");
        int probes = in.u16();
        return new SuperCapacitor(system, voltage, current, cellVoltages, in.blob(probes, "super-capacitor probes"));
    }

    @Override
    public void encode(SuperCapacitor u, WireWriter out) {
        out.u8(u.systemNumber()).u16(u.voltageRaw()).u16(u.currentRaw()).u16(u.cellVoltagesRaw().size())
                .words(u.cellVoltagesRaw()).u16(u.probeTempsRaw().length()).blob(u.probeTempsRaw());
    }
}
