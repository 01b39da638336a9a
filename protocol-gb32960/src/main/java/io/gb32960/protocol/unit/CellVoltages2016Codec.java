package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.OwnedList;
import io.gb32960.protocol.value.WordArray;
import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2016 info type 0x08, Tables B.5/B.6. */
final class CellVoltages2016Codec implements InfoUnitCodec<CellVoltages2016> {

    @Override
    public int typeId() {
        return 0x08;
    }

    @Override
    public Class<CellVoltages2016> unitType() {
        return CellVoltages2016.class;
    }

    @Override
    public CellVoltages2016 decode(WireReader in) {
        return new CellVoltages2016(OwnedList.read(in.u8(), in, CellVoltages2016Codec::subsystem));
    }

    private static CellVoltages2016.Subsystem subsystem(WireReader in) {
        in.require(10, "RESS voltage subsystem");
        int number = in.u8();
        int voltage = in.u16();
        int current = in.u16();
        int total = in.u16();
        int start = in.u16();
        int m = in.u8();
        return new CellVoltages2016.Subsystem(number, voltage, current, total, start,
                in.words(m, "cell voltages"));
    }

    @Override
    public void encode(CellVoltages2016 u, WireWriter out) {
        out.u8(u.packs().size());
        for (CellVoltages2016.Subsystem s : u.packs()) {
            out.u8(s.number()).u16(s.voltageRaw()).u16(s.currentRaw()).u16(s.totalCells()).u16(s.startCell())
                    .u8(s.cellVoltagesRaw().size()).words(s.cellVoltagesRaw());
        }
    }
}
