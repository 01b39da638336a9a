package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.wire.DataTime;

/** Platform logout 0x06 (平台登出, 2016 Table 22): time and the login serial. */
public record PlatformLogout(FrameHeader header, DataTime time, int serial) implements Gb32960Message {
}
