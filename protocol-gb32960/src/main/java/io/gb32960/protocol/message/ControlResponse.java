package io.gb32960.protocol.message;

import io.gb32960.protocol.control.TerminalControl;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.wire.DataTime;

/**
 * The terminal's answer to a control command, uplink 0x82 (it answers, then executes, B.2.4).
 *
 * @param echo null for a time-only answer
 */
public record ControlResponse(FrameHeader header, DataTime time, TerminalControl echo) implements Gb32960Message {
}
