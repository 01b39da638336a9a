package io.gb32960.protocol.conformance;

import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Activation;
import io.gb32960.protocol.message.ActivationResponse;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.PackCodes;
import io.gb32960.protocol.message.PlatformLogin;
import io.gb32960.protocol.message.PlatformLogout;
import io.gb32960.protocol.message.Response;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.value.ValueState;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.FixedString;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/**
 * beidouchangxi/rtm_con samples. Scaled values are strings: "713.8 V", "75 %", "&lt;raw-based
 * number&gt; invalid" (raw 0xFF..), "... abnormal" (raw 0xFE..); they are compared with our
 * {@code Quantity} accessors (value within 1e-6, or the INVALID/ABNORMAL state). Times print as
 * the GMT+8 wall clock. Known source bug, not followed: the 2016 0x08 subsystem current offset
 * (see {@link RtmConTelemetry}).
 */
final class RtmConExpectations {

    private static final Map<String, Integer> MSG_TYPES = Map.of("login", 0x01, "realtime", 0x02, "logout", 0x04,
            "plt_login", 0x05, "plt_logout", 0x06, "activation", 0x09, "activation_response", 0x0A);
    private static final Map<String, Integer> ACKS = Map.of("command", ResponseFlag.COMMAND, "ok", ResponseFlag.SUCCESS);
    /** rtm_con's activation codes: result ok=1 nok=2; info ok=1 (sec_chip_used=2, vin_duplicate=3 per its source). */
    private static final Map<String, Integer> ACTIVATION_RESULT = Map.of("ok", 1, "nok", 2);
    private static final Map<String, Integer> ACTIVATION_INFO = Map.of("ok", 1);

    private RtmConExpectations() {
    }

    static void verify(CorpusEntry e) {
        JsonNode x = e.expected();
        String msgType = x.get("msg_type").asString();
        // what a platform sends: replies (ack "ok") and the activation response
        boolean downlink = msgType.equals("activation_response") || x.get("ack").asString().equals("ok");
        Gb32960Decoder decoder = downlink ? FrameChecks.DOWNLINK : FrameChecks.UPLINK;
        Gb32960Message m = FrameChecks.decodeFrame(e, decoder);
        Check c = new Check();
        c.eq("starter", m.header().edition(), x.get("starter").asString().equals("protocol_2016") ? Edition.V2016 : Edition.V2025);
        c.eq("msg_type", m.header().command(), known(MSG_TYPES, "msg_type", msgType));
        c.eq("ack", m.header().responseFlag(), known(ACKS, "ack", x.get("ack").asString()));
        c.eq("vin", m.vin(), x.get("vin").asString());
        c.eq("enc", x.get("enc").asString(), "uncrypted");
        c.eq("enc", m.header().encryption(), EncryptionType.NONE.id());
        c.num("checksum", e.bytes()[e.bytes().length - 1] & 0xFF, x, "checksum");
        JsonNode p = x.get("payload");
        if (p.has("timestamp")) {
            c.eq("payload.timestamp", Check.plain(FrameChecks.timeOf(m)), p.get("timestamp").asString());
        }
        if (m instanceof VehicleLogin l) {
            login(c, l, p);
        } else if (m instanceof TelemetryReport r) {
            RtmConTelemetry.report(c, e, r, p);
        } else if (m instanceof VehicleLogout l) {
            c.num("payload.session_id", l.serial(), p, "session_id");
        } else if (m instanceof PlatformLogout l) {
            c.num("payload.session_id", l.serial(), p, "session_id");
        } else if (m instanceof PlatformLogin l) {
            c.num("payload.session_id", l.serial(), p, "session_id");
            c.eq("payload.username", l.username().text(), p.get("username").asString());
            c.eq("payload.password", l.password().text(), p.get("password").asString());
            c.eq("payload.enc", p.get("enc").asString(), "uncrypted");
            c.eq("payload.enc", l.encryptionRule(), EncryptionType.NONE.id());
        } else if (m instanceof Response r) {
            // rtm_con models every ack as the 6-byte time only
            c.eq("ack carries the time only", r.echo(), Bytes.EMPTY);
            c.eq("payload keys", p.size(), 1);
        } else if (m instanceof Activation a) {
            c.eq("payload.sec_chip_id", a.chipId().text(), p.get("sec_chip_id").asString());
            c.eq("payload.pubkey", a.publicKey().toHex(), p.get("pubkey").asString());
            c.eq("payload.vin", a.vinField().text(), p.get("vin").asString());
            signature(c, "payload.sig", a.signature(), p.get("sig"));
        } else if (m instanceof ActivationResponse a) {
            c.eq("payload.activation_result", a.status(),
                    known(ACTIVATION_RESULT, "activation_result", p.get("activation_result").asString()));
            c.eq("activation_result nok = FAILURE", a.status() == ActivationResponse.FAILURE,
                    p.get("activation_result").asString().equals("nok"));
            c.eq("payload.activation_info", a.info(),
                    known(ACTIVATION_INFO, "activation_info", p.get("activation_info").asString()));
        } else {
            fail("no rtm_con expectation mapped for " + m.getClass().getSimpleName() + " in " + e.id());
        }
        c.done(8);
    }

    private static void login(Check c, VehicleLogin l, JsonNode p) {
        c.num("payload.session_id", l.serial(), p, "session_id");
        c.eq("payload.iccid", l.iccid().text(), p.get("iccid").asString());
        if (l.codes() instanceof SubsystemCodes s) {
            c.num("payload.bms_total", s.subsystemCount(), p, "bms_total");
            c.num("payload.pack_sn_len", s.codeLength(), p, "pack_sn_len");
            c.eq("payload.pack_sn", s.codes().stream().map(FixedString::text).toList(),
                    Check.strings(p.get("pack_sn")));
        } else {
            PackCodes pc = (PackCodes) l.codes();
            c.num("payload.bms_total", pc.packsPerBms().length(), p, "bms_total");
            JsonNode per = p.get("pack_per_bms");
            c.eq("payload.pack_per_bms size", pc.packsPerBms().length(), per.size());
            for (int i = 0; i < Math.min(per.size(), pc.packsPerBms().length()); i++) {
                c.num("payload.pack_per_bms[" + i + "]", pc.packsPerBms().get(i), per.get(i));
            }
            List<String> flat = new ArrayList<>();
            for (JsonNode bms : p.get("pack_sn_list").values()) {
                flat.addAll(Check.strings(bms));
            }
            c.eq("payload.pack_sn_list", pc.codes().stream().map(FixedString::text).toList(), flat);
        }
    }

    /** "sig": {"algo": "rsa", "r_value": hex, "s_value": ""}: rtm_con puts the whole RSA signature in R. */
    static void signature(Check c, String path, Signature s, JsonNode x) {
        c.eq(path + " present", s != null, true);
        if (s != null) {
            c.eq(path + ".algo", s.typeName().toLowerCase(), x.get("algo").asString());
            c.eq(path + ".r_value", s.r().toHex(), x.get("r_value").asString());
            c.eq(path + ".s_value", s.s().toHex(), x.get("s_value").asString());
        }
    }

    static int known(Map<String, Integer> names, String what, String name) {
        Integer v = names.get(name);
        if (v == null) {
            fail("no rtm_con mapping for " + what + " '" + name + "'");
        }
        return v;
    }

    /** "713.8000000000001 V", "255 invalid", "214 abnormal", "5": number, then unit or state. */
    record Value(double number, String suffix) {

        static Value parse(JsonNode n) {
            if (n.isNumber()) {
                return new Value(n.doubleValue(), "");
            }
            String s = n.asString().trim();
            int sp = s.indexOf(' ');
            return sp < 0 ? new Value(Double.parseDouble(s), "") : new Value(Double.parseDouble(s.substring(0, sp)), s.substring(sp + 1));
        }

        ValueState state() {
            return switch (suffix) {
                case "invalid" -> ValueState.INVALID;
                case "abnormal" -> ValueState.ABNORMAL;
                default -> ValueState.VALID;
            };
        }

        long asLong() {
            return Math.round(number);
        }
    }
}
