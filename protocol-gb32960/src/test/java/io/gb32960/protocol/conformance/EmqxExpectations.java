package io.gb32960.protocol.conformance;

import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.control.AlarmWarning;
import io.gb32960.protocol.control.RemoteUpgrade;
import io.gb32960.protocol.control.SimpleControl;
import io.gb32960.protocol.control.TerminalControl;
import io.gb32960.protocol.control.UpgradeLayout;
import io.gb32960.protocol.message.Activation;
import io.gb32960.protocol.message.ActivationResponse;
import io.gb32960.protocol.message.ControlCommand;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.Heartbeat;
import io.gb32960.protocol.message.KeyExchange;
import io.gb32960.protocol.message.PackCodes;
import io.gb32960.protocol.message.QueryCommand;
import io.gb32960.protocol.message.QueryResponse;
import io.gb32960.protocol.message.Response;
import io.gb32960.protocol.message.SetCommand;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.TimeCalibration;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.param.Parameter;
import io.gb32960.protocol.param.ParameterList;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;
import io.gb32960.protocol.wire.Hex;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.fail;

/**
 * EMQX gateway parser suite (frames re-serialized by the corpus authors from the test's Erlang
 * binaries). Values are RAW integers, compared with our records' raw fields. Frames a platform
 * sends (the suite's "serialize" cases and the 0x81/0x82 commands) are decoded as downlink.
 */
final class EmqxExpectations {

    /** Frames a platform sends, decoded as a terminal would (PROTOCOL.md §4.1 direction column). */
    private static final Set<String> DOWNLINK = Set.of("case14_param_setting", "case15a_terminal_ctrl_shutdown",
            "case15b_terminal_ctrl_remote_upgrade", "case15c_terminal_ctrl_alarm", "case16_serialize_login_ack",
            "case17_serialize_query", "case18_serialize_setting", "case19a_serialize_ctrl_shutdown",
            "case19b_serialize_ctrl_alarm", "case19c_serialize_ctrl_upgrade", "case_2025_serialize_activation_res",
            "case_2025_serialize_setting");

    private static final Pattern REPEAT = Pattern.compile("'(.)'\\*(\\d+)");

    private EmqxExpectations() {
    }

    static void verify(CorpusEntry e) {
        String name = e.id().substring(e.id().indexOf('/') + 1);
        Gb32960Decoder decoder = DOWNLINK.contains(name) ? FrameChecks.DOWNLINK : FrameChecks.UPLINK;
        Gb32960Message m = FrameChecks.decodeFrame(e, decoder);
        JsonNode x = e.expected();
        Check c = new Check();
        header(c, m, x);
        if (x.has("Time") && x.get("Time").isObject()) {
            time(c, "Time", FrameChecks.timeOf(m), x.get("Time"));
        }
        if (m instanceof TelemetryReport r) {
            EmqxInfos.infos(c, e, r, x.get("Infos"));
        } else if (m instanceof VehicleLogin l) {
            login(c, l, x);
        } else if (m instanceof Heartbeat || m instanceof TimeCalibration) {
            c.eq("Data (empty)", m.header().dataLength(), x.get("Data").size());
        } else if (m instanceof QueryResponse q) {
            parameters(c, q.parameters(), x);
        } else if (m instanceof SetCommand s) {
            parameters(c, s.parameters(), x);
            if (x.path("Time").isArray()) {
                c.eq("Time", List.of(s.time().year() - 2000, s.time().month(), s.time().day(), s.time().hour(),
                        s.time().minute(), s.time().second()), Check.ints(x.get("Time")));
            }
        } else if (m instanceof QueryCommand q) {
            c.num("Total", q.parameterIds().size(), x, "Total");
            c.eq("Ids", q.parameterIds(), Check.ints(x.get("Ids")));
        } else if (m instanceof ControlCommand cc) {
            control(c, cc.control(), x);
        } else if (m instanceof Response r) {
            // case16: EMQX's login reply echoes the original data unit with the time replaced (Annex B.3.3.2)
            c.eq("RestOfDataUnit (echo, 20 bytes)", r.echo().length(), 20);
            c.isTrue("RestOfDataUnit", x.get("RestOfDataUnit").asString().contains("20 bytes"));
        } else if (m instanceof Activation a) {
            activation(c, a, x);
        } else if (m instanceof ActivationResponse a) {
            c.eq("Start", new String(e.bytes(), 0, 2, StandardCharsets.ISO_8859_1), x.get("Start").asString());
            c.num("ActivationStatus", a.status(), x, "ActivationStatus");
            c.num("Info", a.info(), x, "Info");
        } else if (m instanceof KeyExchange k) {
            c.num("KeyType", k.keyType(), x, "KeyType");
            c.num("KeyLength", k.key().length(), x, "KeyLength");
            c.eq("Key", k.key(), bytes(x.get("Key").asString()));
            time(c, "ActiveTime", k.enableTime(), x.get("ActiveTime"));
            time(c, "ExpireTime", k.expiryTime(), x.get("ExpireTime"));
        } else {
            fail("no EMQX expectation mapped for " + m.getClass().getSimpleName() + " in " + e.id());
        }
        if (x.has("Start")) {
            c.eq("Start", new String(e.bytes(), 0, 2, StandardCharsets.ISO_8859_1), x.get("Start").asString());
        }
        if (x.has("proto_ver")) {
            c.eq("proto_ver", m.header().edition().label(), x.get("proto_ver").asString());
        }
        c.done(2);
    }

    private static void header(Check c, Gb32960Message m, JsonNode x) {
        c.num("Cmd", m.header().command(), x, "Cmd");
        c.num("Ack", m.header().responseFlag(), x, "Ack");
        c.num("Encrypt", m.header().encryption(), x, "Encrypt");
        c.num("DataLength", m.header().dataLength(), x, "DataLength");
        if (x.has("Vin")) {
            c.eq("Vin", m.vin(), x.get("Vin").asString());
        }
    }

    /** EMQX prints times as raw fields, the year as YY. */
    static void time(Check c, String path, DataTime t, JsonNode x) {
        c.num(path + ".Year", t.year() - 2000, x, "Year");
        c.num(path + ".Month", t.month(), x, "Month");
        c.num(path + ".Day", t.day(), x, "Day");
        c.num(path + ".Hour", t.hour(), x, "Hour");
        c.num(path + ".Minute", t.minute(), x, "Minute");
        c.num(path + ".Second", t.second(), x, "Second");
    }

    private static void login(Check c, VehicleLogin l, JsonNode x) {
        c.num("Seq", l.serial(), x, "Seq");
        c.eq("ICCID", l.iccid().text(), x.get("ICCID").asString());
        if (l.codes() instanceof SubsystemCodes s) {
            c.num("Num", s.subsystemCount(), x, "Num");
            c.num("Length", s.codeLength(), x, "Length");
            c.eq("Id", s.codes().stream().map(FixedString::text).reduce("", String::concat), x.get("Id").asString());
        } else if (l.codes() instanceof PackCodes p) {
            c.num("BmsNum", p.packsPerBms().length(), x, "BmsNum");
            JsonNode counts = x.get("BatteryPackCounts");
            c.eq("BatteryPackCounts size", p.packsPerBms().length(), counts.size());
            for (int i = 0; i < Math.min(counts.size(), p.packsPerBms().length()); i++) {
                c.num("BatteryPackCounts[" + i + "]", p.packsPerBms().get(i), counts.get(i));
            }
            int k = 0;
            for (JsonNode bms : x.get("BatteryPackEncodings").values()) {
                for (JsonNode code : bms.values()) {
                    c.eq("BatteryPackEncodings[" + k + "]", k < p.codes().size() ? p.codes().get(k).text() : null,
                            code.asString());
                    k++;
                }
            }
            c.eq("pack code count", p.codes().size(), k);
        }
    }

    /** "Params": [{"0x01": 5000}, {"5": "google.com"}] (hex or decimal ids) or "02 1E 03 05" (raw items). */
    private static void parameters(Check c, ParameterList list, JsonNode x) {
        c.num("Total", list.count(), x, "Total");
        c.eq("unparsed", list.unparsed(), Bytes.EMPTY);
        List<Parameter> items = list.items();
        JsonNode params = x.get("Params");
        if (params.isString()) {
            StringBuilder raw = new StringBuilder();
            for (Parameter p : items) {
                raw.append(String.format("%02x", p.id())).append(p.value().toHex());
            }
            c.eq("Params (raw items)", raw.toString(), params.asString().replace(" ", "").toLowerCase());
            return;
        }
        c.eq("Params size", items.size(), params.size());
        for (int i = 0; i < Math.min(items.size(), params.size()); i++) {
            Map.Entry<String, JsonNode> want = params.get(i).properties().iterator().next();
            Parameter p = items.get(i);
            String path = "Params[" + i + "]";
            c.eq(path + " id", p.id(), Integer.decode(want.getKey()));
            if (want.getValue().isString()) {
                c.eq(path + " text", p.asText(), want.getValue().asString());
            } else {
                c.num(path + " value", p.asNumber(), want.getValue());
            }
        }
    }

    private static void control(Check c, TerminalControl t, JsonNode x) {
        c.num("Command", t.controlId(), x, "Command");
        if (t instanceof SimpleControl) {
            if (x.has("Param")) {
                c.eq("Param", x.get("Param").asString(), "");
            }
        } else if (t instanceof AlarmWarning a) {
            JsonNode p = x.has("Param") ? x.get("Param") : x;
            c.num("Level", a.level(), p, "Level");
            c.eq("Message", a.messageText(), p.get("Message").asString());
        } else if (t instanceof RemoteUpgrade u) {
            JsonNode p = x.get("Param");
            c.eq("layout (Table B.16)", u.layout(), UpgradeLayout.TABLE_B16_BINARY);
            c.eq("DialingName", u.apn(), p.get("DialingName").asString());
            c.eq("Username", u.username(), p.get("Username").asString());
            c.eq("Password", u.password(), p.get("Password").asString());
            c.eq("Ip", u.address(), p.get("Ip").asString());
            c.num("Port", u.port(), p, "Port");
            c.eq("ManufacturerId", u.manufacturerId(), p.get("ManufacturerId").asString());
            c.eq("HardwareVer", u.hardwareVersion(), p.get("HardwareVer").asString());
            c.eq("SoftwareVer", u.firmwareVersion(), p.get("SoftwareVer").asString());
            c.eq("UpgradeUrl", u.url(), p.get("UpgradeUrl").asString());
            c.num("Timeout", u.timeoutMinutes(), p, "Timeout");
        } else {
            c.eq("control type", t.getClass().getSimpleName(), "a mapped control");
        }
    }

    private static void activation(Check c, Activation a, JsonNode x) {
        c.eq("ChipID", a.chipId().text(), x.get("ChipID").asString());
        c.num("PubKeyLen", a.publicKey().length(), x, "PubKeyLen");
        c.eq("PubKey", a.publicKey(), bytes(x.get("PubKey").asString()));
        c.eq("VIN", a.vinField().text(), x.get("VIN").asString());
        signature(c, "Signature", a.signature(), x.get("Signature"));
    }

    static void signature(Check c, String path, Signature s, JsonNode x) {
        c.eq(path + " present", s != null, true);
        if (s == null) {
            return;
        }
        c.num(path + ".SignatureType", s.type(), x, "SignatureType");
        c.num(path + ".RLength", s.r().length(), x, "RLength");
        c.num(path + ".SLength", s.s().length(), x, "SLength");
        c.eq(path + ".RValue", s.r(), bytes(x.get("RValue").asString()));
        c.eq(path + ".SValue", s.s(), bytes(x.get("SValue").asString()));
    }

    /** "5256414C..." (hex), "hex of 'R'*32" (a repeated character) or "hex of PUBLICKEY1234567" (ASCII). */
    static Bytes bytes(String s) {
        if (!s.startsWith("hex of ")) {
            return Bytes.fromHex(s);
        }
        String text = s.substring("hex of ".length());
        Matcher rep = REPEAT.matcher(text);
        if (rep.matches()) {
            text = rep.group(1).repeat(Integer.parseInt(rep.group(2)));
        }
        return Bytes.ascii(text);
    }

    static Bytes hexBytes(String hexWithSpaces) {
        return Bytes.of(Hex.decode(hexWithSpaces));
    }
}
