package io.gb32960.protocol.codec;

import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.message.Activation;
import io.gb32960.protocol.message.ControlCommand;
import io.gb32960.protocol.message.EncryptedMessage;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.PlatformLogin;
import io.gb32960.protocol.message.PlatformLogout;
import io.gb32960.protocol.message.QueryCommand;
import io.gb32960.protocol.message.Response;
import io.gb32960.protocol.message.SetCommand;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;

import java.util.Objects;

/**
 * Builds responses (应答) to received commands. The sources disagree on what a response carries
 * (PROTOCOL.md §4.3); the terminal profile chooses:
 * <ul>
 *   <li>{@link ResponseStyle#TIME_ONLY} (default; 2016 main body 6.3.2, 2025): the data unit is the
 *   6-byte time of the request; for heartbeat and time calibration, which carry no time, the
 *   platform's current GMT+8 time.</li>
 *   <li>{@link ResponseStyle#ECHO} (2016 Annex B.3.3.2): the request's data unit with its time
 *   replaced by the response time.</li>
 * </ul>
 * Responses are sent unencrypted.
 */
public final class Gb32960Responses {

    private Gb32960Responses() {
    }

    /**
     * @param request the received command
     * @param flag    the response flag ({@link io.gb32960.protocol.frame.ResponseFlag})
     * @param now     the platform's current time (GMT+8)
     */
    public static Response respond(Gb32960Message request, int flag, DataTime now, ResponseStyle style) {
        Objects.requireNonNull(now, "now");
        FrameHeader h = request.header();
        FrameHeader header = new FrameHeader(h.edition(), h.command(), flag, h.vin(), EncryptionType.NONE.id(), 0);
        DataTime requestTime = timeOf(request);
        if (style == ResponseStyle.ECHO && requestTime != null && !(request instanceof EncryptedMessage)) {
            byte[] unit = Gb32960Encoder.dataUnit(request);
            return new Response(header, now, Bytes.of(unit, 6, unit.length - 6));
        }
        return new Response(header, requestTime != null ? requestTime : now, Bytes.EMPTY);
    }

    /** A time-only response carrying {@code time} (heartbeat and time-calibration answers, errors). */
    public static Response timeOnly(FrameHeader request, int flag, DataTime time) {
        FrameHeader header = new FrameHeader(request.edition(), request.command(), flag, request.vin(),
                EncryptionType.NONE.id(), 0);
        return new Response(header, time, Bytes.EMPTY);
    }

    /** The time field of a request, or null for commands without one. */
    static DataTime timeOf(Gb32960Message m) {
        if (m instanceof TelemetryReport r) {
            return r.time();
        } else if (m instanceof VehicleLogin l) {
            return l.time();
        } else if (m instanceof VehicleLogout l) {
            return l.time();
        } else if (m instanceof PlatformLogin l) {
            return l.time();
        } else if (m instanceof PlatformLogout l) {
            return l.time();
        } else if (m instanceof Activation a) {
            return a.time();
        } else if (m instanceof QueryCommand q) {
            return q.time();
        } else if (m instanceof SetCommand s) {
            return s.time();
        } else if (m instanceof ControlCommand c) {
            return c.time();
        }
        return null;
    }
}
