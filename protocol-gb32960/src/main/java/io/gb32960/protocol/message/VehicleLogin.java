package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;

import java.util.Objects;

/**
 * Vehicle login 0x01 (车辆登入, 2016 Table 6, 2025 Table 6).
 *
 * @param serial    login serial (登入流水号), 1..65531, restarting daily
 * @param iccid     STRING[20]
 * @param extension bytes after the standard fields (a platform extension such as a session token);
 *                  empty for a plain login
 */
public record VehicleLogin(FrameHeader header, DataTime time, int serial, FixedString iccid, LoginCodes codes,
                           Bytes extension) implements Gb32960Message {

    public static final int ICCID_LENGTH = 20;

    public VehicleLogin {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(iccid, "iccid");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(extension, "extension");
    }
}
