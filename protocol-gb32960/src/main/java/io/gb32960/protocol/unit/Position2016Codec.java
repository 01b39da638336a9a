package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2016 Table 14: status, longitude, latitude. */
final class Position2016Codec implements InfoUnitCodec<Position2016> {

    @Override
    public int typeId() {
        return 0x05;
    }

    @Override
    public Class<Position2016> unitType() {
        return Position2016.class;
    }

    @Override
    public Position2016 decode(WireReader in) {
        in.require(Position2016.LENGTH, "position");
        return new Position2016(in.u8(), in.u32(), in.u32());
    }

    @Override
    public void encode(Position2016 u, WireWriter out) {
        out.u8(u.status()).u32(u.longitudeRaw()).u32(u.latitudeRaw());
    }
}
