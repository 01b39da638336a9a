package io.gb32960.protocol.json;

import io.gb32960.protocol.control.AlarmWarning;
import io.gb32960.protocol.control.CustomControl;
import io.gb32960.protocol.control.RemoteUpgrade;
import io.gb32960.protocol.control.TerminalControl;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Activation;
import io.gb32960.protocol.message.ActivationResponse;
import io.gb32960.protocol.message.ControlCommand;
import io.gb32960.protocol.message.ControlResponse;
import io.gb32960.protocol.message.EncryptedMessage;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.KeyExchange;
import io.gb32960.protocol.message.PackCodes;
import io.gb32960.protocol.message.PlatformCustomMessage;
import io.gb32960.protocol.message.PlatformLogin;
import io.gb32960.protocol.message.PlatformLogout;
import io.gb32960.protocol.message.QueryCommand;
import io.gb32960.protocol.message.QueryResponse;
import io.gb32960.protocol.message.Response;
import io.gb32960.protocol.message.SetCommand;
import io.gb32960.protocol.message.SetResponse;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.param.Parameter;
import io.gb32960.protocol.param.ParameterId;
import io.gb32960.protocol.param.ParameterList;
import io.gb32960.protocol.unit.InfoUnit;
import io.gb32960.protocol.unit.UserDefinedUnit;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON view of a decoded frame: physical units, {@code null} for abnormal and invalid values
 * (their paths listed under {@code abnormal} and {@code invalid}). Documented field by field in
 * docs/telemetry-json.md. Secrets (platform passwords, exchanged keys) are never written.
 * Thread-safe.
 */
public final class Gb32960Json {

    private final JsonFactory factory = JsonFactory.builder().build();

    public String toJson(Gb32960Message message) {
        StringWriter out = new StringWriter(1024);
        write(message, out);
        return out.toString();
    }

    public void write(Gb32960Message message, Writer out) {
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            JsonOut o = new JsonOut(g);
            g.writeStartObject();
            header(o, message.header());
            body(o, message);
            o.stringArray("abnormal", o.abnormal);
            o.stringArray("invalid", o.invalid);
            g.writeEndObject();
        }
    }

    /** The line the CLI prints for a frame that did not decode. */
    public String error(String reason, String hex) {
        StringWriter out = new StringWriter(128 + hex.length());
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("error", reason);
            g.writeStringProperty("hex", hex);
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void header(JsonOut o, FrameHeader h) {
        o.string("edition", h.edition().label());
        o.string("command", h.commandName());
        o.number("commandId", h.command());
        o.number("responseFlag", h.responseFlag());
        o.string("response", ResponseFlag.nameOf(h.responseFlag()));
        o.string("vin", h.vin());
        o.string("encryption", EncryptionType.labelOf(h.encryption()));
    }

    private static void time(JsonOut o, String name, DataTime t) {
        if (t == null) {
            o.g.writeNullProperty(name);
        } else if (t.isValid()) {
            o.string(name, t.toString());
        } else {
            o.g.writeNullProperty(name);
            o.invalid.add(name);
        }
    }

    private static void body(JsonOut o, Gb32960Message m) {
        if (m instanceof TelemetryReport r) {
            telemetry(o, r);
        } else if (m instanceof VehicleLogin l) {
            login(o, l);
        } else if (m instanceof VehicleLogout l) {
            time(o, "time", l.time());
            o.number("serial", l.serial());
        } else if (m instanceof PlatformLogin l) {
            time(o, "time", l.time());
            o.number("serial", l.serial());
            o.string("username", l.username().text());
            o.string("password", "******");
            o.string("encryptionRule", EncryptionType.labelOf(l.encryptionRule()));
        } else if (m instanceof PlatformLogout l) {
            time(o, "time", l.time());
            o.number("serial", l.serial());
        } else if (m instanceof Response r) {
            time(o, "time", r.time());
            o.string("echoHex", r.echo().toHex());
        } else if (m instanceof Activation a) {
            time(o, "time", a.time());
            o.string("chipId", a.chipId().text());
            o.string("publicKeyHex", a.publicKey().toHex());
            o.string("vinField", a.vinField().text());
            signature(o, a.signature(), a.signatureStatus().name());
        } else if (m instanceof ActivationResponse a) {
            o.number("status", a.status());
            o.number("info", a.info());
        } else if (m instanceof KeyExchange k) {
            o.string("keyType", EncryptionType.labelOf(k.keyType()));
            o.number("keyLength", k.key().length());
            time(o, "enableTime", k.enableTime());
            time(o, "expiryTime", k.expiryTime());
        } else if (m instanceof QueryCommand q) {
            time(o, "time", q.time());
            o.g.writeArrayPropertyStart("parameterIds");
            for (int id : q.parameterIds()) {
                o.g.writeNumber(id);
            }
            o.g.writeEndArray();
        } else if (m instanceof QueryResponse q) {
            time(o, "time", q.time());
            parameters(o, "parameters", q.parameters());
        } else if (m instanceof SetCommand s) {
            time(o, "time", s.time());
            parameters(o, "parameters", s.parameters());
        } else if (m instanceof SetResponse s) {
            time(o, "time", s.time());
            if (s.echo() != null) {
                parameters(o, "parameters", s.echo());
            }
        } else if (m instanceof ControlCommand c) {
            time(o, "time", c.time());
            control(o, c.control());
        } else if (m instanceof ControlResponse c) {
            time(o, "time", c.time());
            if (c.echo() != null) {
                control(o, c.echo());
            }
        } else if (m instanceof PlatformCustomMessage p) {
            o.string("dataHex", p.data().toHex());
        } else if (m instanceof EncryptedMessage e) {
            o.bool("decrypted", false);
            o.string("ciphertextHex", e.ciphertext().toHex());
        }
    }

    private static void telemetry(JsonOut o, TelemetryReport r) {
        time(o, "collectedAt", r.time());
        o.bool("reissue", r.reissue());
        Set<String> seen = new HashSet<>();
        List<UserDefinedUnit> userDefined = new ArrayList<>();
        List<InfoUnit> duplicates = new ArrayList<>();
        for (InfoUnit u : r.units()) {
            if (u instanceof UserDefinedUnit ud) {
                userDefined.add(ud);
                continue;
            }
            String key = TelemetryJson.keyOf(u);
            if (seen.add(key)) {
                TelemetryJson.write(o, key, u);
            } else {
                duplicates.add(u);
            }
        }
        if (!userDefined.isEmpty()) {
            TelemetryJson.userDefined(o, userDefined);
        }
        if (!duplicates.isEmpty()) {
            o.startArray("duplicateUnits");
            for (int i = 0; i < duplicates.size(); i++) {
                o.startObjectAt(i);
                TelemetryJson.write(o, TelemetryJson.keyOf(duplicates.get(i)), duplicates.get(i));
                o.endObject();
            }
            o.endArray();
        }
        if (r.signature() != null) {
            signature(o, r.signature(), r.signatureStatus().name());
        }
        if (!r.trailer().isEmpty()) {
            o.string("trailerHex", r.trailer().toHex());
        }
    }

    private static void signature(JsonOut o, Signature s, String status) {
        o.startObject("signature");
        o.string("type", s.typeName());
        if (status != null) {
            o.string("status", status);
        }
        o.string("rHex", s.r().toHex());
        o.string("sHex", s.s().toHex());
        o.endObject();
    }

    private static void login(JsonOut o, VehicleLogin l) {
        time(o, "time", l.time());
        o.number("serial", l.serial());
        o.string("iccid", l.iccid().text());
        if (l.codes() instanceof SubsystemCodes s) {
            o.number("subsystemCount", s.subsystemCount());
            o.number("codeLength", s.codeLength());
            codes(o, "subsystemCodes", s.codes());
        } else if (l.codes() instanceof PackCodes p) {
            o.g.writeArrayPropertyStart("packsPerBms");
            for (int i = 0; i < p.packsPerBms().length(); i++) {
                o.g.writeNumber(p.packsPerBms().get(i));
            }
            o.g.writeEndArray();
            codes(o, "packCodes", p.codes());
        }
        if (!l.extension().isEmpty()) {
            o.string("extensionHex", l.extension().toHex());
        }
    }

    private static void codes(JsonOut o, String name, List<FixedString> codes) {
        List<String> texts = new ArrayList<>(codes.size());
        for (FixedString c : codes) {
            texts.add(c.text());
        }
        o.stringArray(name, texts);
    }

    private static void parameters(JsonOut o, String name, ParameterList list) {
        o.startObject(name);
        o.number("count", list.count());
        o.startArray("items");
        for (int i = 0; i < list.items().size(); i++) {
            Parameter p = list.items().get(i);
            ParameterId id = p.known();
            o.startObjectAt(i);
            o.number("id", p.id());
            o.string("name", id == null ? "userDefined" : id.jsonName());
            if (id != null && id.numeric()) {
                o.number("value", p.asNumber());
            } else {
                o.string("value", p.asText());
            }
            o.endObject();
        }
        o.endArray();
        if (!list.unparsed().isEmpty()) {
            o.string("unparsedHex", list.unparsed().toHex());
        }
        o.endObject();
    }

    private static void control(JsonOut o, TerminalControl c) {
        o.startObject("control");
        o.number("id", c.controlId());
        o.string("name", TerminalControl.nameOf(c.controlId()));
        if (c instanceof RemoteUpgrade u) {
            o.string("layout", u.layout().name());
            o.string("url", u.url());
            o.string("apn", u.apn());
            o.string("username", u.username());
            o.string("address", u.address());
            if (u.port() != null) {
                o.number("port", u.port());
            }
            o.string("manufacturerId", u.manufacturerId());
            o.string("hardwareVersion", u.hardwareVersion());
            o.string("firmwareVersion", u.firmwareVersion());
            if (u.timeoutMinutes() != null) {
                o.number("timeoutMinutes", u.timeoutMinutes());
            }
        } else if (c instanceof AlarmWarning a) {
            o.number("level", a.level());
            o.string("message", a.messageText());
        } else if (c instanceof CustomControl cc) {
            o.string("parametersHex", cc.parameters().toHex());
        }
        o.endObject();
    }
}
