package io.gb32960.protocol.param;

import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.codec.Gb32960DecodeException;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.WireReader;
import io.gb32960.protocol.wire.WireWriter;

import java.util.ArrayList;
import java.util.List;

/** Reads and writes parameter items (id BYTE + value) per Table B.12 / B.8. */
public final class ParameterCodec {

    private ParameterCodec() {
    }

    /**
     * Reads up to {@code count} items. An id outside the table (user-defined 0x80-0xFE or reserved)
     * has no known width, so reading stops there; the caller keeps the rest as unparsed bytes.
     */
    public static List<Parameter> readItems(WireReader in, int count, Edition edition) {
        List<Parameter> items = new ArrayList<>(count);
        int[] lastLengths = new int[256];
        for (int i = 0; i < count; i++) {
            int id = in.peekU8();
            ParameterId known = ParameterId.find(id);
            if (known == null) {
                break;
            }
            in.u8();
            int width = known.width(edition);
            if (width < 0) {
                ParameterId lengthParam = known.lengthParameter();
                width = lastLengths[lengthParam.id()];
                if (width == 0 && !seen(items, lengthParam)) {
                    throw new Gb32960DecodeException(DecodeError.INVALID_FIELD,
                            known + " must follow " + lengthParam);
                }
            }
            Bytes value = in.blob(width, known.name());
            if (known == ParameterId.PLATFORM_DOMAIN_LENGTH || known == ParameterId.PUBLIC_PLATFORM_DOMAIN_LENGTH) {
                lastLengths[id] = value.get(0);
            }
            items.add(new Parameter(id, value));
        }
        return items;
    }

    private static boolean seen(List<Parameter> items, ParameterId id) {
        for (Parameter p : items) {
            if (p.id() == id.id()) {
                return true;
            }
        }
        return false;
    }

    /** Writes items, checking each value against the width the edition gives its id. */
    public static void writeItems(List<Parameter> items, Edition edition, WireWriter out) {
        int[] lastLengths = new int[256];
        for (Parameter p : items) {
            ParameterId known = ParameterId.find(p.id());
            if (known != null) {
                int width = known.width(edition);
                if (width < 0) {
                    width = lastLengths[known.lengthParameter().id()];
                }
                if (p.value().length() != width) {
                    throw new IllegalArgumentException(known + " takes " + width + " bytes in " + edition.label()
                            + ", value has " + p.value().length());
                }
                if (width == 1) {
                    lastLengths[p.id()] = p.value().get(0);
                }
            }
            out.u8(p.id()).blob(p.value());
        }
    }
}
