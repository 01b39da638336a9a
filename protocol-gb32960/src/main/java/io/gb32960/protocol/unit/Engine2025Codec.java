package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2025 Table 20: crankshaft speed only. */
final class Engine2025Codec implements InfoUnitCodec<Engine2025> {

    @Override
    public int typeId() {
        return 0x04;
    }

    @Override
    public Class<Engine2025> unitType() {
        return Engine2025.class;
    }

    @Override
    public Engine2025 decode(WireReader in) {
        return new Engine2025(in.u16());
    }

    @Override
    public void encode(Engine2025 u, WireWriter out) {
        out.u16(u.crankshaftSpeedRaw());
    }
}
