package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2025 Table 21: status, coordinate system, longitude, latitude. */
final class Position2025Codec implements InfoUnitCodec<Position2025> {

    @Override
    public int typeId() {
        return 0x05;
    }

    @Override
    public Class<Position2025> unitType() {
        return Position2025.class;
    }

    @Override
    public Position2025 decode(WireReader in) {
        in.require(Position2025.LENGTH, "position");
        return new Position2025(in.u8(), in.u8(), in.u32(), in.u32());
    }

    @Override
    public void encode(Position2025 u, WireWriter out) {
        out.u8(u.status()).u8(u.coordinateSystem()).u32(u.longitudeRaw()).u32(u.latitudeRaw());
    }
}
