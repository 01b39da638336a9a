package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.OwnedList;
import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2025 info type 0x30, Tables 18/19. */
final class FuelCellStacksCodec implements InfoUnitCodec<FuelCellStacks> {

    @Override
    public int typeId() {
        return 0x30;
    }

    @Override
    public Class<FuelCellStacks> unitType() {
        return FuelCellStacks.class;
    }

    @Override
    public FuelCellStacks decode(WireReader in) {
        return new FuelCellStacks(OwnedList.read(in.u8(), in, FuelCellStacksCodec::stack));
    }

    private static FuelCellStacks.Stack stack(WireReader in) {
        in.require(12, "fuel-cell stack");
        int number = in.u8();
        int voltage = in.u16();
        int current = in.u16();
        int h2Pressure = in.u16();
        int airPressure = in.u16();
        int airTemp = in.u8();
        int probes = in.u16();
        return new FuelCellStacks.Stack(number, voltage, current, h2Pressure, airPressure, airTemp,
                in.blob(probes, "coolant outlet temperatures"));
    }

    @Override
    public void encode(FuelCellStacks u, WireWriter out) {
        out.u8(u.stacks().size());
        for (FuelCellStacks.Stack s : u.stacks()) {
            out.u8(s.number()).u16(s.voltageRaw()).u16(s.currentRaw()).u16(s.h2InletPressureRaw())
                    .u16(s.airInletPressureRaw()).u8(s.airInletTempRaw()).u16(s.coolantOutletTempsRaw().length())
                    .blob(s.coolantOutletTempsRaw());
        }
    }
}
