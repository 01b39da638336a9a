package io.gb32960.protocol.message;

import io.gb32960.protocol.control.TerminalControl;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.wire.DataTime;

/** Terminal control 0x82 from the platform (车载终端控制命令, Table B.14): time, one control and its parameters. */
public record ControlCommand(FrameHeader header, DataTime time, TerminalControl control) implements Gb32960Message {
}
