package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2016 Table 12: 18 + N bytes. */
final class FuelCell2016Codec implements InfoUnitCodec<FuelCell2016> {

    @Override
    public int typeId() {
        return 0x03;
    }

    @Override
    public Class<FuelCell2016> unitType() {
        return FuelCell2016.class;
    }

    @Override
    public FuelCell2016 decode(WireReader in) {
        int voltage = in.u16();
        int current = in.u16();
        int consumption = in.u16();
        int probes = in.u16();
        return new FuelCell2016(voltage, current, consumption, in.blob(probes, "fuel-cell probe temperatures"),
                in.u16(), in.u8(), in.u16(), in.u8(), in.u16(), in.u8(), in.u8());
    }

    @Override
    public void encode(FuelCell2016 u, WireWriter out) {
        out.u16(u.voltageRaw()).u16(u.currentRaw()).u16(u.consumptionRaw()).u16(u.probeTempsRaw().length())
                .blob(u.probeTempsRaw()).u16(u.h2MaxTempRaw()).u8(u.h2MaxTempProbe()).u16(u.h2MaxConcentrationRaw())
                .u8(u.h2ConcentrationSensor()).u16(u.h2MaxPressureRaw()).u8(u.h2PressureSensor()).u8(u.dcdcState());
    }
}
