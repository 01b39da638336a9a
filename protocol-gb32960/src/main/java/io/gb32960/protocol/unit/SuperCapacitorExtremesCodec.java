package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2025 Table 26: 18 bytes; cell and probe codes are WORDs. */
final class SuperCapacitorExtremesCodec implements InfoUnitCodec<SuperCapacitorExtremes> {

    @Override
    public int typeId() {
        return 0x32;
    }

    @Override
    public Class<SuperCapacitorExtremes> unitType() {
        return SuperCapacitorExtremes.class;
    }

    @Override
    public SuperCapacitorExtremes decode(WireReader in) {
        in.require(SuperCapacitorExtremes.LENGTH, "super-capacitor extremes");
        return new SuperCapacitorExtremes(in.u8(), in.u16(), in.u16(), in.u8(), in.u16(), in.u16(),
                in.u8(), in.u16(), in.u8(), in.u8(), in.u16(), in.u8());
    }

    @Override
    public void encode(SuperCapacitorExtremes u, WireWriter out) {
        out.u8(u.maxVoltageSystem()).u16(u.maxVoltageCell()).u16(u.maxCellVoltageRaw())
                .u8(u.minVoltageSystem()).u16(u.minVoltageCell()).u16(u.minCellVoltageRaw())
                .u8(u.maxTempSystem()).u16(u.maxTempProbe()).u8(u.maxTempRaw())
                .u8(u.minTempSystem()).u16(u.minTempProbe()).u8(u.minTempRaw());
    }
}
