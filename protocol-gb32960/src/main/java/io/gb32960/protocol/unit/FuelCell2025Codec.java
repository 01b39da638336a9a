package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2025 Table 17: 12 bytes. */
final class FuelCell2025Codec implements InfoUnitCodec<FuelCell2025> {

    @Override
    public int typeId() {
        return 0x03;
    }

    @Override
    public Class<FuelCell2025> unitType() {
        return FuelCell2025.class;
    }

    @Override
    public FuelCell2025 decode(WireReader in) {
        in.require(FuelCell2025.LENGTH, "fuel cell");
        return new FuelCell2025(in.u16(), in.u8(), in.u16(), in.u8(), in.u16(), in.u8(), in.u8(), in.u8(), in.u8());
    }

    @Override
    public void encode(FuelCell2025 u, WireWriter out) {
        out.u16(u.h2MaxTempRaw()).u8(u.h2MaxTempProbe()).u16(u.h2MaxConcentrationRaw()).u8(u.h2ConcentrationSensor())
                .u16(u.h2MaxPressureRaw()).u8(u.h2PressureSensor()).u8(u.dcdcState()).u8(u.h2RemainingPercent())
                .u8(u.dcdcTempRaw());
    }
}
