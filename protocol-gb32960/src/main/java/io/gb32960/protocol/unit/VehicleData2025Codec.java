package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2025 Table 10, in field order. */
final class VehicleData2025Codec implements InfoUnitCodec<VehicleData2025> {

    @Override
    public int typeId() {
        return 0x01;
    }

    @Override
    public Class<VehicleData2025> unitType() {
        return VehicleData2025.class;
    }

    @Override
    public VehicleData2025 decode(WireReader in) {
        in.require(VehicleData2025.LENGTH, "whole-vehicle data");
        return new VehicleData2025(in.u8(), in.u8(), in.u8(), in.u16(), in.u32(), in.u16(), in.u16(), in.u8(),
                in.u8(), in.u8(), in.u16());
    }

    @Override
    public void encode(VehicleData2025 u, WireWriter out) {
        out.u8(u.vehicleState()).u8(u.chargingState()).u8(u.runMode()).u16(u.speedRaw()).u32(u.odometerRaw())
                .u16(u.totalVoltageRaw()).u16(u.totalCurrentRaw()).u8(u.soc()).u8(u.dcdcState()).u8(u.gear())
                .u16(u.insulationRaw());
    }
}
