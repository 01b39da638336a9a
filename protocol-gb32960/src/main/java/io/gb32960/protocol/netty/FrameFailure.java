package io.gb32960.protocol.netty;

import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.frame.FrameHeader;

/**
 * A rejected frame or discarded bytes, emitted as a message (never as an exception) so the
 * pipeline can count it, log it and, where the header is known, answer it.
 *
 * @param header  the header when one was read (BCC and length failures), else null
 * @param error   what was wrong
 * @param length  how many bytes were discarded
 * @param hexHead hex of the first discarded bytes (at most 64), for logs
 */
public record FrameFailure(FrameHeader header, DecodeError error, int length, String hexHead) implements FrameEvent {
}
