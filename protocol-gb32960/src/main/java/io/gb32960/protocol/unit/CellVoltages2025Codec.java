package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.OwnedList;
import io.gb32960.protocol.value.WordArray;
import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2025 info type 0x07, Tables 11/12. */
final class CellVoltages2025Codec implements InfoUnitCodec<CellVoltages2025> {

    @Override
    public int typeId() {
        return 0x07;
    }

    @Override
    public Class<CellVoltages2025> unitType() {
        return CellVoltages2025.class;
    }

    @Override
    public CellVoltages2025 decode(WireReader in) {
        return new CellVoltages2025(OwnedList.read(in.u8(), in, CellVoltages2025Codec::pack));
    }

    private static CellVoltages2025.Pack pack(WireReader in) {
        in.require(7, "parallel-unit voltage pack");
        int number = in.u8();
        int voltage = in.u16();
        int current = in.u16();
        int units = in.u16();
        return new CellVoltages2025.Pack(number, voltage, current, in.words(units, "parallel-unit voltages"));
    }

    @Override
    public void encode(CellVoltages2025 u, WireWriter out) {
        out.u8(u.packs().size());
        for (CellVoltages2025.Pack p : u.packs()) {
            out.u8(p.number()).u16(p.voltageRaw()).u16(p.currentRaw()).u16(p.cellVoltagesRaw().size())
                    .words(p.cellVoltagesRaw());
        }
    }
}
