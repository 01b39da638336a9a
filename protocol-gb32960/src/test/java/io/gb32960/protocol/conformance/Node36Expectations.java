package io.gb32960.protocol.conformance;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.Heartbeat;
import io.gb32960.protocol.message.PlatformLogin;
import io.gb32960.protocol.message.PlatformLogout;
import io.gb32960.protocol.message.Response;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.TimeCalibration;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.Hex;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/**
 * 36node/protocol-32960 (via terryhart/32960): production frames and the replies the library
 * sends. Its conventions (file caveat): ISO UTC times (= the GMT+8 frame time minus 8 h), soc as a
 * fraction, pedals as percent/100, shift letters, enum names, values in A/V/°C. The request
 * expectations sit under {@code req}, {@code request} or (two fixtures) at top level.
 *
 * <p>Replies ({@code resBuf}/{@code response}) are decoded as downlink frames, must round-trip,
 * carry the request's time (heartbeat: empty), and equal what our encoder writes for a
 * time-only success response to the request.
 */
final class Node36Expectations {

    static final Map<String, Integer> COMMANDS = Map.of("VEHICLE_LOGIN", 0x01, "REALTIME_REPORT", 0x02,
            "REISSUE_REPORT", 0x03, "VEHICLE_LOGOUT", 0x04, "PLATFORM_LOGIN", 0x05, "PLATFORM_LOGOUT", 0x06,
            "HEARTBEAT", 0x07);

    private Node36Expectations() {
    }

    static void verify(CorpusEntry e) {
        if (e.isDataUnit()) {
            platformLoginDataUnit(e);
            return;
        }
        Gb32960Message m = FrameChecks.decodeFrame(e, FrameChecks.UPLINK);
        JsonNode x = e.expected();
        Check c = new Check();
        JsonNode req = x.has("req") ? x.get("req") : x.has("request") ? x.get("request") : x.has("command") ? x : null;
        if (req != null) {
            request(c, m, req);
        }
        JsonNode reply = x.has("resBuf") ? x.get("resBuf") : x.get("response");
        if (reply != null) {
            c.eq("shouldRespond", x.path("shouldRespond").asBoolean(true), true);
            reply(c, m, reply);
        }
        if (e.malformed()) {
            Node36Telemetry.wrongCustomLength(c, e, (TelemetryReport) m, req);
        }
        c.done(req == null ? 3 : 5);
    }

    private static void request(Check c, Gb32960Message m, JsonNode req) {
        if (req.has("command")) {
            c.eq("command", m.header().command(), COMMANDS.get(req.get("command").asString()));
        }
        if (req.has("flag")) {
            c.eq("flag", req.get("flag").asString(), "COMMAND");
            c.eq("flag", m.header().responseFlag(), ResponseFlag.COMMAND);
        }
        if (req.has("encrypt")) {
            c.eq("encrypt", req.get("encrypt").asString(), "NONE");
            c.eq("encrypt", m.header().encryption(), EncryptionType.NONE.id());
        }
        if (req.has("vin")) {
            c.eq("vin", m.vin(), req.get("vin").asString());
        }
        c.num("length", m.header().dataLength(), req, "length");
        JsonNode body = req.get("body");
        if (body == null) {
            c.isTrue("no body expected for " + m.getClass().getSimpleName(),
                    m instanceof Heartbeat || m instanceof TimeCalibration);
            return;
        }
        if (body.has("at")) {
            c.eq("body.at", utc(FrameChecks.timeOf(m)), Instant.parse(body.get("at").asString()));
        }
        if (m instanceof VehicleLogin l) {
            c.num("body.sn", l.serial(), body, "sn");
            c.eq("body.iccid", l.iccid().text(), body.get("iccid").asString());
            SubsystemCodes codes = (SubsystemCodes) l.codes();
            c.num("body.subSysNm", codes.subsystemCount(), body, "subSysNm");
            c.num("body.subSysNmLen", codes.codeLength(), body, "subSysNmLen");
            c.eq("body.subSysSn", codes.codes().stream().map(Object::toString).toList(),
                    Check.strings(body.get("subSysSn")));
        } else if (m instanceof VehicleLogout l) {
            c.num("body.sn", l.serial(), body, "sn");
        } else if (m instanceof PlatformLogout l) {
            c.num("body.sn", l.serial(), body, "sn");
        } else if (m instanceof TelemetryReport r && body.has("items")) {
            Node36Telemetry.items(c, r, body.get("items"));
        }
    }

    /** A reply of the library: decodes, round-trips, and is what our time-only success response writes. */
    private static void reply(Check c, Gb32960Message request, JsonNode reply) {
        DataTime time = FrameChecks.timeOf(request);
        if (request instanceof TimeCalibration) {
            time = DataTime.of(Instant.now()); // the platform's clock, GMT+8 (PROTOCOL.md §4.3)
        }
        Response ours = new Response(request.header().withResponseFlag(ResponseFlag.SUCCESS),
                request instanceof Heartbeat ? null : time, Bytes.EMPTY);
        String oursHex = Hex.encode(FrameChecks.ENCODER.encode(ours));
        if (reply.isObject()) {
            // time calibration: the reply carries the server's clock, given as a regex prefix
            String prefix = reply.get("regex").asString();
            c.eq("resBuf prefix (time calibration reply, length 6)", oursHex.substring(0, prefix.length()), prefix);
            c.isTrue("request is time calibration", request instanceof TimeCalibration);
            return;
        }
        Gb32960Message m = FrameChecks.decodeFrame(Hex.decode(reply.asString()), FrameChecks.DOWNLINK);
        c.eq("reply type", m.getClass().getSimpleName(), "Response");
        if (m instanceof Response r) {
            c.eq("reply command", r.header().command(), request.header().command());
            c.eq("reply flag", r.header().responseFlag(), ResponseFlag.SUCCESS);
            c.eq("reply vin", r.vin(), request.vin());
            c.eq("reply encryption", r.header().encryption(), request.header().encryption());
            c.eq("reply echo", r.echo(), Bytes.EMPTY);
            // 36node answers a heartbeat with an empty data unit, everything else with the request's time
            c.eq("reply time", r.time(), request instanceof Heartbeat ? null : time);
        }
        c.eq("reply = our time-only success response", oursHex, reply.asString());
    }

    private static void platformLoginDataUnit(CorpusEntry e) {
        PlatformLogin p = (PlatformLogin) FrameChecks.decodeDataUnit(e, CommandId.PLATFORM_LOGIN.id(),
                ResponseFlag.COMMAND, "36NODE-PLATFORM", FrameChecks.UPLINK);
        JsonNode x = e.expected();
        Check c = new Check();
        c.eq("at", utc(p.time()), Instant.parse(x.get("at").asString()));
        c.num("sn", p.serial(), x, "sn");
        c.eq("username", p.username().text(), x.get("username").asString());
        // from the note: password '121' NUL-padded (hidden by the source), encryption rule 0x01
        c.eq("password (note)", p.password().text(), "121");
        c.eq("encryption rule (note)", p.encryptionRule(), EncryptionType.NONE.id());
        c.done(5);
    }

    static Instant utc(DataTime t) {
        return t.toOffsetDateTime().toInstant();
    }

    static void unmapped(String what, String value) {
        fail("no 36node mapping for " + what + " '" + value + "'");
    }
}
