package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.wire.Bytes;

/** Platform-exchange custom data, commands 0xC0-0xFE (平台交换自定义数据): the data unit as bytes. */
public record PlatformCustomMessage(FrameHeader header, Bytes data) implements Gb32960Message {
}
