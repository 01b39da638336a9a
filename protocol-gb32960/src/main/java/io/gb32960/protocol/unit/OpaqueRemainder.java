package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.Bytes;

/**
 * An info type this edition does not define. Items carry no length, so it cannot be skipped:
 * decoding stops and the rest of the data unit (after the type byte) is kept here, unparsed,
 * so the frame still re-encodes byte for byte. Always the last item.
 */
public record OpaqueRemainder(int type, Bytes data) implements InfoUnit {
}
