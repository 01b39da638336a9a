package io.gb32960.protocol.param;

import io.gb32960.protocol.wire.Bytes;

import java.nio.charset.StandardCharsets;

/**
 * One parameter item of a query answer or a set command: id and the raw value bytes. The width of
 * the bytes is the id's width in the frame's edition (Table B.12 / B.8).
 */
public record Parameter(int id, Bytes value) {

    public static Parameter ofByte(ParameterId id, int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(id + ": BYTE out of range: " + v);
        }
        return new Parameter(id.id(), Bytes.of((byte) v));
    }

    public static Parameter ofWord(ParameterId id, int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException(id + ": WORD out of range: " + v);
        }
        return new Parameter(id.id(), Bytes.of((byte) (v >>> 8), (byte) v));
    }

    /** A numeric parameter written in its width for the edition (BYTE or WORD). */
    public static Parameter ofNumber(ParameterId id, int v, io.gb32960.protocol.frame.Edition edition) {
        return id.width(edition) == 1 ? ofByte(id, v) : ofWord(id, v);
    }

    public static Parameter ofText(ParameterId id, String text) {
        return new Parameter(id.id(), Bytes.ascii(text));
    }

    public ParameterId known() {
        return ParameterId.find(id);
    }

    /** The value as an unsigned big-endian number (for BYTE and WORD parameters). */
    public long asNumber() {
        long v = 0;
        for (int i = 0; i < value.length(); i++) {
            v = (v << 8) | value.get(i);
        }
        return v;
    }

    /** The value as text, NUL padding removed. */
    public String asText() {
        return value.toString(StandardCharsets.ISO_8859_1).replace("\0", "");
    }
}
