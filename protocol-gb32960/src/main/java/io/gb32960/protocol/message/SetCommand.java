package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.param.ParameterList;
import io.gb32960.protocol.wire.DataTime;

/** Parameter set 0x81 from the platform (设置命令, Table B.11): time, count, items. */
public record SetCommand(FrameHeader header, DataTime time, ParameterList parameters) implements Gb32960Message {
}
