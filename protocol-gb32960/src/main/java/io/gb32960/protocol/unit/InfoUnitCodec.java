package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

/** Decodes and encodes the body of one info type (the type byte itself is the caller's). */
interface InfoUnitCodec<T extends InfoUnit> {

    int typeId();

    Class<T> unitType();

    T decode(WireReader in);

    void encode(T unit, WireWriter out);

    /** Whether this codec writes records of {@code recordType} (a record of the other edition is refused). */
    default boolean accepts(Class<?> recordType) {
        return unitType().isAssignableFrom(recordType);
    }
}
