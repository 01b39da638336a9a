package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.param.ParameterList;
import io.gb32960.protocol.wire.DataTime;

/**
 * The terminal's answer to a query, uplink 0x80 (Table B.10): time, count, (id, value) items.
 * Uplink 0x80 is an answer whatever its response flag (terminals send 0xFE).
 */
public record QueryResponse(FrameHeader header, DataTime time, ParameterList parameters) implements Gb32960Message {
}
