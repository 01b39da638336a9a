package io.gb32960.protocol.control;

import io.gb32960.protocol.wire.Bytes;

/** A user-defined (0x80-0xFE) or reserved control id; the parameters are kept as bytes. */
public record CustomControl(int controlId, Bytes parameters) implements TerminalControl {
}
