package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;

/** Heartbeat 0x07 (心跳, B.3.5.7): an empty data unit. */
public record Heartbeat(FrameHeader header) implements Gb32960Message {
}
