package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;

/** Terminal time calibration request 0x08 (终端校时, B.3.5.8): an empty data unit. */
public record TimeCalibration(FrameHeader header) implements Gb32960Message {
}
