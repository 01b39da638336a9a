package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;

/**
 * A response (flag other than 0xFE) to a command 0x01-0x09/0x0B. Sources disagree on its content
 * (PROTOCOL.md §4.3), so every variant is accepted: an empty data unit ({@code time} null), the
 * 6-byte time only, or the original data unit echoed with its time replaced ({@code echo} holds the
 * bytes after the time).
 */
public record Response(FrameHeader header, DataTime time, Bytes echo) implements Gb32960Message {

    public boolean success() {
        return header.responseFlag() == io.gb32960.protocol.frame.ResponseFlag.SUCCESS;
    }
}
