package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.wire.Bytes;

/**
 * A frame whose data unit is ciphertext and no key was available to decrypt it. It re-encodes
 * unchanged; consumers that hold the key decrypt it later.
 */
public record EncryptedMessage(FrameHeader header, Bytes ciphertext) implements Gb32960Message {
}
