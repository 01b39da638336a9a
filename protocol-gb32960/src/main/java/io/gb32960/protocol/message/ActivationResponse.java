package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;

/**
 * 2025 activation response 0x0A (激活应答, Table B.4): status (0x01 success, 0x02 failure) and an
 * info byte. Sources disagree on the info codes (0x00 ok / 0x01 chip already activated / 0x02 VIN
 * duplicate per the transcription); the raw byte is kept.
 */
public record ActivationResponse(FrameHeader header, int status, int info) implements Gb32960Message {

    public static final int SUCCESS = 0x01;
    public static final int FAILURE = 0x02;
}
