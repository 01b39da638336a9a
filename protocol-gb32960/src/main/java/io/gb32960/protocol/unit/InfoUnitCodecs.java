package io.gb32960.protocol.unit;

import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

import java.util.HashMap;
import java.util.Map;

/**
 * The info-unit codecs of one edition, by type id and by record type. Built once, immutable,
 * failing fast on a duplicate registration.
 */
public final class InfoUnitCodecs {

    private static final InfoUnitCodecs V2016 = new InfoUnitCodecs(
            new VehicleData2016Codec(), new DriveMotorsCodec(false), new FuelCell2016Codec(), new Engine2016Codec(),
            new Position2016Codec(), new Extremes2016Codec(), new AlarmCodec(false), new CellVoltages2016Codec(),
            new ProbeTemperaturesCodec(0x09));

    private static final InfoUnitCodecs V2025 = new InfoUnitCodecs(
            new VehicleData2025Codec(), new DriveMotorsCodec(true), new FuelCell2025Codec(), new Engine2025Codec(),
            new Position2025Codec(), new AlarmCodec(true), new CellVoltages2025Codec(), new ProbeTemperaturesCodec(0x08),
            new FuelCellStacksCodec(), new SuperCapacitorCodec(), new SuperCapacitorExtremesCodec());

    private final InfoUnitCodec<?>[] byType = new InfoUnitCodec<?>[256];
    /** Concrete record type to codec, only for the records this edition writes. */
    private final Map<Class<?>, InfoUnitCodec<?>> byRecord = new HashMap<>();
    /** The same, cached per class by the JVM: the lookup is on the encode path of every item. */
    private final ClassValue<InfoUnitCodec<?>> codecs = new ClassValue<>() {
        @Override
        protected InfoUnitCodec<?> computeValue(Class<?> type) {
            return byRecord.get(type);
        }
    };

    private InfoUnitCodecs(InfoUnitCodec<?>... codecs) {
        for (InfoUnitCodec<?> c : codecs) {
            if (byType[c.typeId()] != null) {
                throw new AssertionError("info type already registered: " + c.typeId());
            }
            byType[c.typeId()] = c;
            registerRecordTypes(c);
        }
    }

    private void registerRecordTypes(InfoUnitCodec<?> c) {
        Class<?> type = c.unitType();
        Class<?>[] concrete = type.isSealed() ? type.getPermittedSubclasses() : new Class<?>[] {type};
        for (Class<?> k : concrete) {
            if (c.accepts(k)) {
                byRecord.put(k, c);
            }
        }
    }

    public static InfoUnitCodecs of(Edition edition) {
        return edition == Edition.V2016 ? V2016 : V2025;
    }

    /** Whether this edition defines {@code type} (user-defined 0x80-0xFE items are not counted). */
    public boolean defines(int type) {
        return byType[type] != null;
    }

    /** Decodes the body of an item whose type byte was just read; the type must be {@link #defines defined}. */
    public InfoUnit decode(int type, WireReader in) {
        return byType[type].decode(in);
    }

    /** The type id this edition gives to {@code unit}, or -1 when the edition has no such block. */
    public int typeOf(InfoUnit unit) {
        if (unit instanceof UserDefinedUnit u) {
            return u.type();
        }
        if (unit instanceof OpaqueRemainder o) {
            return o.type();
        }
        InfoUnitCodec<?> c = codecFor(unit);
        return c == null ? -1 : c.typeId();
    }

    /** The codec of this edition for {@code unit}, or null when a record of the other edition was given. */
    private InfoUnitCodec<?> codecFor(InfoUnit unit) {
        return codecs.get(unit.getClass());
    }

    /** Writes the type byte and the body of {@code unit}. */
    @SuppressWarnings("unchecked")
    public void encode(InfoUnit unit, WireWriter out) {
        if (unit instanceof UserDefinedUnit u) {
            out.u8(u.type()).u16(u.data().length()).blob(u.data());
        } else if (unit instanceof OpaqueRemainder o) {
            out.u8(o.type()).blob(o.data());
        } else {
            InfoUnitCodec<InfoUnit> c = (InfoUnitCodec<InfoUnit>) codecFor(unit);
            if (c == null) {
                throw new IllegalArgumentException(unit.getClass().getSimpleName() + " has no info type in this edition");
            }
            out.u8(c.typeId());
            c.encode(unit, out);
        }
    }
}
