package io.gb32960.protocol.unit;

import io.gb32960.protocol.value.OwnedList;
import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** 2016 info type 0x09 (Tables B.7/B.8) and 2025 info type 0x08 (Tables 13/14): the same layout. */
final class ProbeTemperaturesCodec implements InfoUnitCodec<ProbeTemperatures> {

    private final int typeId;

    ProbeTemperaturesCodec(int typeId) {
        this.typeId = typeId;
    }

    @Override
    public int typeId() {
        return typeId;
    }

    @Override
    public Class<ProbeTemperatures> unitType() {
        return ProbeTemperatures.class;
    }

    @Override
    public ProbeTemperatures decode(WireReader in) {
        return new ProbeTemperatures(OwnedList.read(in.u8(), in, ProbeTemperaturesCodec::group));
    }

    private static ProbeTemperatures.Group group(WireReader in) {
        int number = in.u8();
        int probes = in.u16();
        return new ProbeTemperatures.Group(number, in.blob(probes, "probe temperatures"));
    }

    @Override
    public void encode(ProbeTemperatures u, WireWriter out) {
        out.u8(u.groups().size());
        for (ProbeTemperatures.Group g : u.groups()) {
            out.u8(g.number()).u16(g.probeCount()).blob(g.temperaturesRaw());
        }
    }
}
