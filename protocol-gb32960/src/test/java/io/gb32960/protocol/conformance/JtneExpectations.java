package io.gb32960.protocol.conformance;

import io.gb32960.protocol.codec.Direction;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.ProfileResolver;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.codec.TerminalProfile;
import io.gb32960.protocol.control.AlarmWarning;
import io.gb32960.protocol.control.RemoteUpgrade;
import io.gb32960.protocol.control.SimpleControl;
import io.gb32960.protocol.control.UpgradeLayout;
import io.gb32960.protocol.crypto.KeyProvider;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.ControlCommand;
import io.gb32960.protocol.message.EncryptedMessage;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.Heartbeat;
import io.gb32960.protocol.message.PlatformLogin;
import io.gb32960.protocol.message.PlatformLogout;
import io.gb32960.protocol.message.QueryCommand;
import io.gb32960.protocol.message.QueryResponse;
import io.gb32960.protocol.message.SetCommand;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.TimeCalibration;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.param.Parameter;
import io.gb32960.protocol.param.ParameterList;
import io.gb32960.protocol.wire.DataTime;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * SmallChi/JTNewEnergy xunit vectors. Values are raw integers; times print as "yyyy-MM-dd
 * HH:mm:ss" (GMT+8 as on the wire). The library's realtime formatter has two bugs (PROTOCOL.md
 * §8.5): no 6-byte collection time, and an 18-byte 0x01 block in the platform variant. We follow
 * the standard, not the bug: see {@link JtneRealtime}.
 */
final class JtneExpectations {

    /** The library's remote upgrade is Table B.15 prose order, all ASCII (PROTOCOL.md §5.16). */
    static final Gb32960Decoder DOWNLINK_B15 = new Gb32960Decoder(Direction.DOWNLINK,
            ProfileResolver.fixed(new TerminalProfile("jtnewenergy", ResponseStyle.TIME_ONLY, UpgradeLayout.TABLE_B15_TEXT)),
            KeyProvider.NONE);

    /** VIN of the library's tests ("123456789", NUL-padded); used for the frames built around data units. */
    static final String VIN = "123456789";

    private JtneExpectations() {
    }

    static void verify(CorpusEntry e) {
        String name = e.id().substring(e.id().indexOf('/') + 1);
        if (e.isDataUnit()) {
            dataUnit(e, name);
            return;
        }
        switch (name) {
            case "0x01_login" -> login(e, (VehicleLogin) expect(e, VehicleLogin.class));
            case "0x01_login_AES" -> encryptedLogin(e);
            case "0x02_realtime_all9", "0x02_realtime_platform_0x01-0x07" -> JtneRealtime.verify(e);
            case "0x04_logout" -> {
                VehicleLogout m = (VehicleLogout) expect(e, VehicleLogout.class);
                Check c = new Check();
                c.eq("VIN", m.vin(), e.expected().get("VIN").asString());
                c.eq("LogoutTime", Check.plain(m.time()), e.expected().get("LogoutTime").asString());
                c.num("LogoutNum", m.serial(), e.expected(), "LogoutNum");
                c.done(3);
            }
            case "0x07_heartbeat", "0x08_time_calibration" -> {
                Gb32960Message m = expect(e, name.startsWith("0x07") ? Heartbeat.class : TimeCalibration.class);
                Check c = new Check();
                c.eq("MsgId", m.header().command(), Check.leadingHex(e.expected().get("MsgId")));
                c.eq("AskId", m.header().responseFlag(), Check.leadingHex(e.expected().get("AskId")));
                c.eq("VIN", m.vin(), e.expected().get("VIN").asString());
                c.eq("Bodies (empty data unit)", m.header().dataLength(), 0);
                c.done(4);
            }
            case "0x05_platform_login" -> {
                PlatformLogin m = (PlatformLogin) expect(e, PlatformLogin.class);
                JsonNode x = e.expected();
                Check c = new Check();
                c.eq("LoginTime", Check.plain(m.time()), x.get("LoginTime").asString());
                c.num("LoginNum", m.serial(), x, "LoginNum");
                c.eq("PlatformUserName", m.username().text(), x.get("PlatformUserName").asString());
                c.eq("PlatformPassword", m.password().text(), x.get("PlatformPassword").asString());
                c.num("EncryptMethod", m.encryptionRule(), x, "EncryptMethod");
                c.done(5);
            }
            case "0x06_platform_logout" -> {
                PlatformLogout m = (PlatformLogout) expect(e, PlatformLogout.class);
                Check c = new Check();
                c.eq("LogoutTime", Check.plain(m.time()), e.expected().get("LogoutTime").asString());
                c.num("LogoutNum", m.serial(), e.expected(), "LogoutNum");
                c.done(2);
            }
            default -> fail("no JTNewEnergy expectation mapped for " + e.id());
        }
    }

    private static Gb32960Message expect(CorpusEntry e, Class<? extends Gb32960Message> type) {
        Gb32960Message m = FrameChecks.decodeFrame(e, FrameChecks.UPLINK);
        assertThat(m).isInstanceOf(type);
        return m;
    }

    private static void login(CorpusEntry e, VehicleLogin m) {
        JsonNode x = e.expected();
        Check c = new Check();
        c.eq("MsgId", m.header().command(), Check.leadingHex(x.get("MsgId")));
        c.eq("AskId", m.header().responseFlag(), Check.leadingHex(x.get("AskId")));
        c.eq("VIN", m.vin(), x.get("VIN").asString());
        c.eq("PDATime", Check.plain(m.time()), x.get("PDATime").asString());
        c.num("LoginNum", m.serial(), x, "LoginNum");
        c.eq("SIM(ICCID)", m.iccid().text(), x.get("SIM(ICCID)").asString());
        SubsystemCodes codes = (SubsystemCodes) m.codes();
        c.num("BatteryCount", codes.subsystemCount(), x, "BatteryCount");
        c.num("BatteryLength", codes.codeLength(), x, "BatteryLength");
        c.eq("BatteryNos", codes.codes().stream().map(Object::toString).toList(), Check.strings(x.get("BatteryNos")));
        c.done(9);
    }

    /**
     * Without a key the AES data unit stays ciphertext (EncryptedMessage) and re-encodes
     * unchanged; decryption of this vector is another suite's business. The header fields are the
     * plain login's.
     */
    private static void encryptedLogin(CorpusEntry e) {
        Gb32960Message m = expect(e, EncryptedMessage.class);
        JsonNode x = e.expected();
        Check c = new Check();
        c.eq("MsgId", m.header().command(), Check.leadingHex(x.get("MsgId")));
        c.eq("AskId", m.header().responseFlag(), Check.leadingHex(x.get("AskId")));
        c.eq("VIN", m.vin(), x.get("VIN").asString());
        c.eq("EncryptMethod", m.header().encryption(), Check.leadingHex(x.get("EncryptMethod")));
        c.eq("EncryptMethod is AES128", m.header().encryption(), EncryptionType.AES128.id());
        c.eq("ciphertext length", ((EncryptedMessage) m).ciphertext().length(), m.header().dataLength());
        c.isTrue("ciphertext is whole AES blocks", ((EncryptedMessage) m).ciphertext().length() % 16 == 0);
        c.done(7);
    }

    private static void dataUnit(CorpusEntry e, String name) {
        JsonNode x = e.expected();
        Check c = new Check();
        if (name.startsWith("0x80_query_")) {
            QueryCommand m = (QueryCommand) FrameChecks.decodeDataUnit(e, CommandId.QUERY.id(), ResponseFlag.COMMAND, VIN,
                    FrameChecks.DOWNLINK);
            c.eq("QueryTime", Check.plain(m.time()), x.get("QueryTime").asString());
            c.num("ParamNum", m.parameterIds().size(), x, "ParamNum");
            c.eq("ParamList", m.parameterIds(), Check.ints(x.get("ParamList")));
            c.done(3);
        } else if (name.startsWith("0x80_reply_")) {
            QueryResponse m = (QueryResponse) FrameChecks.decodeDataUnit(e, CommandId.QUERY.id(), ResponseFlag.SUCCESS,
                    VIN, FrameChecks.UPLINK);
            parameters(c, m.time(), m.parameters(), x);
            c.done(4);
        } else if (name.startsWith("0x81_set_")) {
            SetCommand m = (SetCommand) FrameChecks.decodeDataUnit(e, CommandId.SET.id(), ResponseFlag.COMMAND, VIN,
                    FrameChecks.DOWNLINK);
            parameters(c, m.time(), m.parameters(), x);
            c.done(4);
        } else if (name.startsWith("0x82_control_")) {
            ControlCommand m = (ControlCommand) FrameChecks.decodeDataUnit(e, CommandId.TERMINAL_CONTROL.id(),
                    ResponseFlag.COMMAND, VIN, DOWNLINK_B15);
            control(c, m, x);
            c.done(3);
        } else {
            fail("no JTNewEnergy data-unit expectation mapped for " + e.id());
        }
    }

    /** "params": {"0x01": 10, "0x05": [1, 2, ...], "0x07": "abcde"}: numbers, byte lists or text. */
    private static void parameters(Check c, DataTime time, ParameterList list, JsonNode x) {
        c.eq("OperateTime", Check.plain(time), x.get("OperateTime").asString());
        c.num("ParamNum", list.count(), x, "ParamNum");
        c.eq("unparsed", list.unparsed().length(), 0);
        List<Parameter> items = list.items();
        List<Map.Entry<String, JsonNode>> expected = new ArrayList<>(x.get("params").properties());
        c.eq("params size", items.size(), expected.size());
        for (int i = 0; i < Math.min(items.size(), expected.size()); i++) {
            Parameter p = items.get(i);
            Map.Entry<String, JsonNode> want = expected.get(i);
            String path = "params." + want.getKey();
            c.eq(path + " id", p.id(), Integer.decode(want.getKey()));
            JsonNode v = want.getValue();
            if (v.isArray()) {
                List<Integer> bytes = new ArrayList<>();
                for (int k = 0; k < p.value().length(); k++) {
                    bytes.add(p.value().get(k));
                }
                c.eq(path, bytes, Check.ints(v));
            } else if (v.isString()) {
                c.eq(path, p.asText(), v.asString());
            } else {
                c.num(path, p.asNumber(), v);
            }
        }
    }

    private static void control(Check c, ControlCommand m, JsonNode x) {
        c.eq("ControlTime", Check.plain(m.time()), x.get("ControlTime").asString());
        c.num("ParamID", m.control().controlId(), x, "ParamID");
        if (m.control() instanceof SimpleControl) {
            c.eq("shutdown", m.control(), new SimpleControl(0x02));
        } else if (m.control() instanceof AlarmWarning a) {
            c.num("AlarmLevel", a.level(), x, "AlarmLevel");
            c.eq("alarm text", a.messageText(), "");
        } else if (m.control() instanceof RemoteUpgrade u) {
            JsonNode p = x.get("UpgradeCommand");
            c.eq("layout", u.layout(), UpgradeLayout.TABLE_B15_TEXT);
            c.eq("ServerAddress(URL)", u.url(), p.get("ServerAddress(URL)").asString());
            c.eq("DialName", u.apn(), p.get("DialName").asString());
            c.eq("DialUserName", u.username(), p.get("DialUserName").asString());
            c.eq("DialUserPwd", u.password(), p.get("DialUserPwd").asString());
            c.eq("ServerUrl(address)", u.address(), p.get("ServerUrl(address)").asString());
            c.num("ServerPort", u.port(), p, "ServerPort");
            c.eq("ManufacturerID", u.manufacturerId(), p.get("ManufacturerID").asString());
            c.eq("HardwareVersion", u.hardwareVersion(), p.get("HardwareVersion").asString());
            c.eq("FirmwareVersion", u.firmwareVersion(), p.get("FirmwareVersion").asString());
            c.num("ConnectTimeLimit", u.timeoutMinutes(), p, "ConnectTimeLimit");
        } else {
            c.eq("control type", m.control().getClass().getSimpleName(), "a mapped control");
        }
    }
}
