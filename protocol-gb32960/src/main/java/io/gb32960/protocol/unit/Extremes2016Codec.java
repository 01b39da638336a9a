package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2016 Table 16: 14 bytes. */
final class Extremes2016Codec implements InfoUnitCodec<Extremes2016> {

    @Override
    public int typeId() {
        return 0x06;
    }

    @Override
    public Class<Extremes2016> unitType() {
        return Extremes2016.class;
    }

    @Override
    public Extremes2016 decode(WireReader in) {
        in.require(Extremes2016.LENGTH, "extreme values");
        return new Extremes2016(in.u8(), in.u8(), in.u16(), in.u8(), in.u8(), in.u16(),
                in.u8(), in.u8(), in.u8(), in.u8(), in.u8(), in.u8());
    }

    @Override
    public void encode(Extremes2016 u, WireWriter out) {
        out.u8(u.maxVoltageSubsystem()).u8(u.maxVoltageCell()).u16(u.maxCellVoltageRaw())
                .u8(u.minVoltageSubsystem()).u8(u.minVoltageCell()).u16(u.minCellVoltageRaw())
                .u8(u.maxTempSubsystem()).u8(u.maxTempProbe()).u8(u.maxTempRaw())
                .u8(u.minTempSubsystem()).u8(u.minTempProbe()).u8(u.minTempRaw());
    }
}
