package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** Table 9 / B.4, in field order. */
final class VehicleData2016Codec implements InfoUnitCodec<VehicleData2016> {

    @Override
    public int typeId() {
        return 0x01;
    }

    @Override
    public Class<VehicleData2016> unitType() {
        return VehicleData2016.class;
    }

    @Override
    public VehicleData2016 decode(WireReader in) {
        in.require(VehicleData2016.LENGTH, "whole-vehicle data");
        return new VehicleData2016(in.u8(), in.u8(), in.u8(), in.u16(), in.u32(), in.u16(), in.u16(), in.u8(),
                in.u8(), in.u8(), in.u16(),
                in.u8(), // accelerator pedal (main body: high byte of a reserved WORD)
                in.u8()); // brake pedal (main body: low byte of a reserved WORD)
    }

    @Override
    public void encode(VehicleData2016 u, WireWriter out) {
        out.u8(u.vehicleState()).u8(u.chargingState()).u8(u.runMode()).u16(u.speedRaw()).u32(u.odometerRaw())
                .u16(u.totalVoltageRaw()).u16(u.totalCurrentRaw()).u8(u.soc()).u8(u.dcdcState()).u8(u.gear())
                .u16(u.insulationRaw()).u8(u.acceleratorPedal()).u8(u.brakePedal());
    }
}
