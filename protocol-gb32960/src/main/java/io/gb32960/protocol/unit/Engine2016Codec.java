package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2016 Table 13: state, crankshaft speed, fuel consumption. */
final class Engine2016Codec implements InfoUnitCodec<Engine2016> {

    @Override
    public int typeId() {
        return 0x04;
    }

    @Override
    public Class<Engine2016> unitType() {
        return Engine2016.class;
    }

    @Override
    public Engine2016 decode(WireReader in) {
        in.require(Engine2016.LENGTH, "engine");
        return new Engine2016(in.u8(), in.u16(), in.u16());
    }

    @Override
    public void encode(Engine2016 u, WireWriter out) {
        out.u8(u.state()).u16(u.crankshaftSpeedRaw()).u16(u.fuelConsumptionRaw());
    }
}
