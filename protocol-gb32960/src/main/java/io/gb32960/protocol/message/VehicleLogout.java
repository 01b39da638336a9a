package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.wire.DataTime;

/** Vehicle logout 0x04 (车辆登出, 2016 Table 20): time and the serial of the current login. */
public record VehicleLogout(FrameHeader header, DataTime time, int serial) implements Gb32960Message {
}
