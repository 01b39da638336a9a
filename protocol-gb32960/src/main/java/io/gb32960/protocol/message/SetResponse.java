package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.param.ParameterList;
import io.gb32960.protocol.wire.DataTime;

/**
 * The terminal's answer to a set command, uplink 0x81: the response flag says whether it took
 * effect; the data unit is the time only, or (2016 Annex B) the echoed items.
 *
 * @param echo null for a time-only answer
 */
public record SetResponse(FrameHeader header, DataTime time, ParameterList echo) implements Gb32960Message {
}
