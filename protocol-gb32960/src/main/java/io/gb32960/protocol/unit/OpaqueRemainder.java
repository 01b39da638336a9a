package io.gb32960.protocol.unit;

import io.gb32960.protocol.wire.Bytes;

/**
 * An info type this edition does not define. Items carry no length, so it cannot be skipped:
 * decoding stops and the rest of the data unit (after the type byte) is kept here, unparsed,
 * so the frame still re-encodes byte for byte. It is the last item, except that in a 2025 frame
 * the decoder looks for a signature (0xFF marker) that parses exactly to the end and keeps it apart.
 */
public record OpaqueRemainder(int type, Bytes data) implements InfoUnit {
}
