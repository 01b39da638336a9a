package io.gb32960.protocol.fuzz;

import io.gb32960.protocol.codec.Direction;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.control.AlarmWarning;
import io.gb32960.protocol.control.CustomControl;
import io.gb32960.protocol.control.RemoteUpgrade;
import io.gb32960.protocol.control.SimpleControl;
import io.gb32960.protocol.control.TerminalControl;
import io.gb32960.protocol.control.UpgradeLayout;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.EncryptionType;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.FrameLayout;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Activation;
import io.gb32960.protocol.message.ActivationResponse;
import io.gb32960.protocol.message.ControlCommand;
import io.gb32960.protocol.message.ControlResponse;
import io.gb32960.protocol.message.EncryptedMessage;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.Heartbeat;
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
import io.gb32960.protocol.message.SignatureStatus;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.TimeCalibration;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.param.Parameter;
import io.gb32960.protocol.param.ParameterId;
import io.gb32960.protocol.param.ParameterList;
import io.gb32960.protocol.unit.Alarm2016;
import io.gb32960.protocol.unit.Alarm2025;
import io.gb32960.protocol.unit.CellVoltages2016;
import io.gb32960.protocol.unit.CellVoltages2025;
import io.gb32960.protocol.unit.DriveMotor2016;
import io.gb32960.protocol.unit.DriveMotor2025;
import io.gb32960.protocol.unit.DriveMotors;
import io.gb32960.protocol.unit.Engine2016;
import io.gb32960.protocol.unit.Engine2025;
import io.gb32960.protocol.unit.Extremes2016;
import io.gb32960.protocol.unit.FaultCodes;
import io.gb32960.protocol.unit.FuelCell2016;
import io.gb32960.protocol.unit.FuelCell2025;
import io.gb32960.protocol.unit.FuelCellStacks;
import io.gb32960.protocol.unit.InfoUnit;
import io.gb32960.protocol.unit.OpaqueRemainder;
import io.gb32960.protocol.unit.Position2016;
import io.gb32960.protocol.unit.Position2025;
import io.gb32960.protocol.unit.ProbeTemperatures;
import io.gb32960.protocol.unit.SuperCapacitor;
import io.gb32960.protocol.unit.SuperCapacitorExtremes;
import io.gb32960.protocol.unit.UserDefinedUnit;
import io.gb32960.protocol.unit.VehicleData2016;
import io.gb32960.protocol.unit.VehicleData2025;
import io.gb32960.protocol.value.DwordArray;
import io.gb32960.protocol.value.WordArray;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import io.gb32960.protocol.wire.FixedString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Valid frames of every command and every info type of both editions, built as records and
 * encoded: the starting points the fuzzer mutates. Each seed also knows where its repeated items
 * (info items of a report, parameter items of a query/set) start, so item-level mutations can
 * duplicate, drop, shuffle or splice them.
 */
final class SeedCorpus {

    /**
     * @param frame    the encoded frame
     * @param items    item boundaries as frame offsets: item i is {@code [items[i], items[i+1])}; empty when
     *                 the data unit has no repeated items
     * @param message  the record it was encoded from
     */
    record Seed(String name, Edition edition, byte[] frame, int[] items, Gb32960Message message) {

        /**
         * The decoders that must accept this seed: 0x80-0x82 bodies differ by direction (a query
         * command is ids only, its answer id/value items); every other body reads the same both ways.
         */
        /** Whether only a decoder with the Table B.15 text upgrade profile reads this seed as encoded. */
        boolean textUpgrade() {
            TerminalControl c = message instanceof ControlCommand cc ? cc.control()
                    : message instanceof ControlResponse cr ? cr.echo() : null;
            return c instanceof RemoteUpgrade u && u.layout() == UpgradeLayout.TABLE_B15_TEXT;
        }

        List<Direction> directions() {
            if (message instanceof QueryCommand || message instanceof SetCommand || message instanceof ControlCommand) {
                return List.of(Direction.DOWNLINK);
            }
            if (message instanceof QueryResponse || message instanceof SetResponse || message instanceof ControlResponse) {
                return List.of(Direction.UPLINK);
            }
            return List.of(Direction.UPLINK, Direction.DOWNLINK);
        }
    }

    static final String VIN = "LGB32960FUZZ00001";
    static final DataTime TIME = DataTime.of(2025, 11, 1, 8, 0, 59);
    private static final Gb32960Encoder ENCODER = Gb32960Encoder.plain();

    private SeedCorpus() {
    }

    static List<Seed> all() {
        List<Seed> out = new ArrayList<>();
        for (Edition e : Edition.values()) {
            out.addAll(of(e));
        }
        return List.copyOf(out);
    }

    static List<Seed> of(Edition e) {
        List<Seed> out = new ArrayList<>();
        boolean v25 = e == Edition.V2025;

        // 0x01 vehicle login
        FixedString iccid = FixedString.of("89860321245960123456", VehicleLogin.ICCID_LENGTH);
        if (v25) {
            out.add(plain(new VehicleLogin(cmd(e, CommandId.VEHICLE_LOGIN), TIME, 1, iccid,
                    new PackCodes(Bytes.of((byte) 1, (byte) 2), List.of(packCode('A'), packCode('B'), packCode('C'))),
                    Bytes.EMPTY)));
            out.add(plain(new VehicleLogin(cmd(e, CommandId.VEHICLE_LOGIN), TIME, 65531, iccid,
                    new PackCodes(Bytes.EMPTY, List.of()), Bytes.EMPTY)));
        } else {
            out.add(plain(new VehicleLogin(cmd(e, CommandId.VEHICLE_LOGIN), TIME, 1, iccid,
                    new SubsystemCodes(2, 5, List.of(FixedString.of("RESS1", 5), FixedString.of("RESS2", 5))),
                    Bytes.EMPTY)));
            out.add(plain(new VehicleLogin(cmd(e, CommandId.VEHICLE_LOGIN), TIME, 2, iccid,
                    new SubsystemCodes(1, 0, List.of()), Bytes.fromHex("a1b2c3"))));
        }

        // 0x02 realtime / 0x03 reissue: every info type of the edition, together and one by one
        List<InfoUnit> units = v25 ? units2025() : units2016();
        Signature sig = v25 ? new Signature(Signature.RSA, Bytes.of(filled(32, 0x5A)), Bytes.EMPTY) : null;
        out.add(telemetry(e, CommandId.REALTIME_REPORT, units, sig, Bytes.EMPTY));
        out.add(telemetry(e, CommandId.REISSUE_REPORT, units, sig, Bytes.EMPTY));
        for (InfoUnit u : units) {
            out.add(telemetry(e, CommandId.REALTIME_REPORT, List.of(u), null, Bytes.EMPTY));
        }
        out.add(telemetry(e, CommandId.REALTIME_REPORT, List.of(units.get(0), abnormalMotors(), abnormalAlarm(e)),
                null, Bytes.EMPTY));
        out.add(telemetry(e, CommandId.REALTIME_REPORT,
                List.of(units.get(0), new OpaqueRemainder(0x2A, Bytes.fromHex("0102030405"))), null, Bytes.EMPTY));
        if (v25) {
            out.add(telemetry(e, CommandId.REALTIME_REPORT, List.of(units.get(0)),
                    new Signature(Signature.SM2, Bytes.of(filled(32, 0x11)), Bytes.of(filled(32, 0x22))),
                    Bytes.fromHex("eeff")));
        }

        // 0x04 .. 0x08
        out.add(plain(new VehicleLogout(cmd(e, CommandId.VEHICLE_LOGOUT), TIME, 1)));
        out.add(plain(new PlatformLogin(cmd(e, CommandId.PLATFORM_LOGIN), TIME, 3,
                FixedString.of("威海广泰空港", PlatformLogin.USERNAME_LENGTH),
                FixedString.of("s3cret;pass", PlatformLogin.PASSWORD_LENGTH), v25 ? 0x05 : 0x01)));
        out.add(plain(new PlatformLogout(cmd(e, CommandId.PLATFORM_LOGOUT), TIME, 3)));
        out.add(plain(new Heartbeat(cmd(e, CommandId.HEARTBEAT))));
        out.add(plain(new TimeCalibration(cmd(e, CommandId.TIME_CALIBRATION))));

        // 2025: 0x09 activation, 0x0A activation response, 0x0B key exchange
        if (v25) {
            out.add(plain(new Activation(cmd(e, CommandId.ACTIVATION), TIME, FixedString.of("CHIP0123456789AB", 16),
                    Bytes.of(filled(65, 0x04)), FixedString.of(VIN, 17),
                    new Signature(Signature.SM2, Bytes.of(filled(32, 0x31)), Bytes.of(filled(32, 0x32))))));
            out.add(plain(new ActivationResponse(cmd(e, CommandId.ACTIVATION_RESPONSE), ActivationResponse.SUCCESS, 0)));
            out.add(plain(new ActivationResponse(cmd(e, CommandId.ACTIVATION_RESPONSE), ActivationResponse.FAILURE, 2)));
            out.add(plain(new KeyExchange(cmd(e, CommandId.KEY_EXCHANGE), 0x05, Bytes.of(filled(16, 0x4B)), TIME,
                    DataTime.of(2026, 11, 1, 8, 0, 59))));
        }

        // responses: time only, echo, empty; every response flag of the edition
        int[] flags = v25 ? new int[] {1, 2, 3, 4, 5, 6, 7} : new int[] {1, 2, 3};
        for (int flag : flags) {
            out.add(plain(new Response(header(e, CommandId.VEHICLE_LOGIN.id(), flag), TIME, Bytes.EMPTY)));
        }
        out.add(plain(new Response(header(e, CommandId.REALTIME_REPORT.id(), ResponseFlag.ERROR), TIME,
                Bytes.fromHex("0101030100000000"))));
        out.add(plain(new Response(header(e, CommandId.HEARTBEAT.id(), ResponseFlag.SUCCESS), null, Bytes.EMPTY)));
        out.add(plain(new Response(header(e, CommandId.TIME_CALIBRATION.id(), ResponseFlag.SUCCESS), TIME, Bytes.EMPTY)));

        // 0x80 query, 0x81 set, 0x82 control: downlink commands and uplink answers
        List<Parameter> params = parameters(e);
        List<Integer> ids = new ArrayList<>();
        for (Parameter p : params) {
            ids.add(p.id());
        }
        out.add(plain(new QueryCommand(cmd(e, CommandId.QUERY), TIME, ids)));
        out.add(parameterSeed(new QueryResponse(header(e, CommandId.QUERY.id(), ResponseFlag.SUCCESS), TIME,
                ParameterList.of(params))));
        out.add(parameterSeed(new QueryResponse(cmd(e, CommandId.QUERY), TIME,
                new ParameterList(3, List.of(params.get(0)), Bytes.fromHex("80021234")))));
        List<Parameter> settable = new ArrayList<>();
        for (Parameter p : params) {
            if (p.known() == null || p.known().settable()) {
                settable.add(p);
            }
        }
        out.add(parameterSeed(new SetCommand(cmd(e, CommandId.SET), TIME, ParameterList.of(settable))));
        out.add(plain(new SetResponse(header(e, CommandId.SET.id(), ResponseFlag.SUCCESS), TIME, null)));
        out.add(parameterSeed(new SetResponse(header(e, CommandId.SET.id(), ResponseFlag.ERROR), TIME,
                ParameterList.of(settable))));
        for (TerminalControl c : controls(e)) {
            out.add(plain(new ControlCommand(cmd(e, CommandId.TERMINAL_CONTROL), TIME, c)));
        }
        out.add(plain(new ControlResponse(header(e, CommandId.TERMINAL_CONTROL.id(), ResponseFlag.SUCCESS), TIME, null)));
        out.add(plain(new ControlResponse(header(e, CommandId.TERMINAL_CONTROL.id(), ResponseFlag.SUCCESS), TIME,
                new SimpleControl(TerminalControl.RESET))));

        // 0xC0-0xFE platform-exchange custom data; encrypted data units without a key
        out.add(plain(new PlatformCustomMessage(FrameHeader.command(e, 0xC0, VIN), Bytes.fromHex("00112233445566"))));
        out.add(plain(new PlatformCustomMessage(FrameHeader.command(e, 0xFE, VIN), Bytes.EMPTY)));
        out.add(plain(new EncryptedMessage(cmd(e, CommandId.REALTIME_REPORT).withEncryption(EncryptionType.AES128.id()),
                Bytes.of(filled(32, 0xA5)))));
        out.add(plain(new EncryptedMessage(cmd(e, CommandId.VEHICLE_LOGIN).withEncryption(
                (v25 ? EncryptionType.SM4 : EncryptionType.RSA).id()), Bytes.of(filled(16, 0x3C)))));
        return out;
    }

    private static List<InfoUnit> units2016() {
        return List.of(
                new VehicleData2016(1, 3, 1, 600, 123_456L, 3_500, 10_200, 80, 1, 0x2E, 5_000, 20, 0),
                DriveMotors.of(List.of(new DriveMotor2016(1, 1, 80, 21_500, 20_500, 85, 3_500, 10_100),
                        new DriveMotor2016(2, 4, 0xFE, 0xFFFF, 0xFFFE, 0xFF, 0, 0))),
                new FuelCell2016(3_000, 1_500, 120, Bytes.fromHex("5a5b5c"), 650, 2, 400, 1, 350, 1, 1),
                new Engine2016(1, 2_000, 500),
                new Position2016(0, 116_397_128L, 39_916_527L),
                new Extremes2016(1, 12, 3_900, 1, 40, 3_700, 1, 3, 75, 1, 9, 60),
                new Alarm2016(2, 0x0000_0401L, FaultCodes.of(0x11223344L), FaultCodes.NONE, FaultCodes.of(1L, 2L),
                        FaultCodes.NONE),
                new CellVoltages2016(List.of(
                        new CellVoltages2016.Subsystem(1, 3_500, 10_100, 96, 1, WordArray.of(3_900, 3_901, 3_899)),
                        new CellVoltages2016.Subsystem(2, 3_500, 10_100, 96, 4, WordArray.of(3_700)))),
                new ProbeTemperatures(List.of(new ProbeTemperatures.Group(1, Bytes.fromHex("4142434445")),
                        new ProbeTemperatures.Group(2, Bytes.EMPTY))),
                new UserDefinedUnit(0x80, Bytes.fromHex("deadbeef")));
    }

    private static List<InfoUnit> units2025() {
        return List.of(
                new VehicleData2025(1, 3, 1, 600, 123_456L, 3_500, 30_200, 80, 1, 0x2E, 5_000),
                DriveMotors.of(List.of(new DriveMotor2025(1, 1, 80, 33_500, 205_000L, 85),
                        new DriveMotor2025(2, 3, 0xFF, 0xFFFE, 0xFFFF_FFFFL, 0xFE))),
                new FuelCell2025(65, 2, 1_200, 1, 350, 1, 1, 88, 70),
                new Engine2025(2_000),
                new Position2025(0x02, 1, 116_397_128L, 39_916_527L),
                new Alarm2025(4, 0x0080_0001L, FaultCodes.of(0xAABBCCDDL), FaultCodes.NONE, FaultCodes.NONE,
                        FaultCodes.of(7L), List.of(new Alarm2025.FlagLevel(23, 4), new Alarm2025.FlagLevel(0, 1))),
                new CellVoltages2025(List.of(new CellVoltages2025.Pack(1, 3_500, 30_100, WordArray.of(3_900, 3_901)),
                        new CellVoltages2025.Pack(2, 3_500, 30_100, WordArray.EMPTY))),
                new ProbeTemperatures(List.of(new ProbeTemperatures.Group(1, Bytes.fromHex("414243")))),
                new FuelCellStacks(List.of(new FuelCellStacks.Stack(1, 3_000, 1_500, 1_200, 1_100, 65,
                        Bytes.fromHex("50515253")))),
                new SuperCapacitor(1, 4_000, 30_050, WordArray.of(2_700, 2_701, 2_699), Bytes.fromHex("4546")),
                new SuperCapacitorExtremes(1, 2, 2_701, 1, 3, 2_699, 1, 1, 70, 1, 2, 69),
                new UserDefinedUnit(0xFE, Bytes.fromHex("00ff00")));
    }

    private static DriveMotors abnormalMotors() {
        return new DriveMotors(0xFE, List.of());
    }

    private static InfoUnit abnormalAlarm(Edition e) {
        FaultCodes invalid = new FaultCodes(0xFF, DwordArray.EMPTY);
        return e == Edition.V2016
                ? new Alarm2016(0xFE, 0xFFFF_FFFFL, invalid, FaultCodes.NONE, invalid, FaultCodes.NONE)
                : new Alarm2025(0xFF, 0L, invalid, invalid, FaultCodes.NONE, FaultCodes.NONE, List.of());
    }

    private static List<Parameter> parameters(Edition e) {
        String domain = "gb32960.example.cn";
        String publicDomain = "10.0.0.1";
        return List.of(
                Parameter.ofNumber(ParameterId.LOCAL_STORAGE_PERIOD_MS, 1_000, e),
                Parameter.ofNumber(ParameterId.REPORT_PERIOD_S, 10, e),
                Parameter.ofNumber(ParameterId.ALARM_REPORT_PERIOD, 1, e),
                Parameter.ofByte(ParameterId.PLATFORM_DOMAIN_LENGTH, domain.length()),
                Parameter.ofText(ParameterId.PLATFORM_DOMAIN, domain),
                Parameter.ofWord(ParameterId.PLATFORM_PORT, 32_960),
                Parameter.ofText(ParameterId.HARDWARE_VERSION, "HW1.0"),
                Parameter.ofText(ParameterId.FIRMWARE_VERSION, "FW2.1"),
                Parameter.ofByte(ParameterId.HEARTBEAT_PERIOD_S, 30),
                Parameter.ofWord(ParameterId.TERMINAL_RESPONSE_TIMEOUT_S, 60),
                Parameter.ofWord(ParameterId.PLATFORM_RESPONSE_TIMEOUT_S, 60),
                Parameter.ofByte(ParameterId.LOGIN_RETRY_WAIT_MIN, 30),
                Parameter.ofByte(ParameterId.PUBLIC_PLATFORM_DOMAIN_LENGTH, publicDomain.length()),
                Parameter.ofText(ParameterId.PUBLIC_PLATFORM_DOMAIN, publicDomain),
                Parameter.ofWord(ParameterId.PUBLIC_PLATFORM_PORT, 9_000),
                Parameter.ofByte(ParameterId.SAMPLING_INSPECTION, 1));
    }

    private static List<TerminalControl> controls(Edition e) {
        List<TerminalControl> out = new ArrayList<>();
        out.add(new RemoteUpgrade(UpgradeLayout.TABLE_B16_BINARY, "ftp://fw.example.cn/tbox.bin", "CMNET", "user",
                "pw", "192.168.1.10", 21, "ABCD", "HW1.0", "FW2.1", 30));
        out.add(new RemoteUpgrade(UpgradeLayout.TABLE_B16_BINARY, "", "", "", "", "0x0102030405ff", 0x3B3B, "", "",
                "", 0));
        // Table B.15 text layout (read only by a decoder whose terminal profile says so)
        out.add(new RemoteUpgrade(UpgradeLayout.TABLE_B15_TEXT, "http://fw.example.cn/t.bin", "TK", "TKUser", "TKPwd",
                "bd.com", 8383, "ManufacturerName", "2.0", "1.0", 10));
        out.add(new RemoteUpgrade(UpgradeLayout.TABLE_B15_TEXT, "", "", "", "", "", null, "", "", "", 0));
        for (int id : new int[] {TerminalControl.SHUTDOWN, TerminalControl.RESET, TerminalControl.FACTORY_RESET,
            TerminalControl.DISCONNECT_DATA_LINK, TerminalControl.OPEN_SAMPLING_LINK}) {
            out.add(new SimpleControl(id));
        }
        out.add(new AlarmWarning(e == Edition.V2025 ? 4 : 3, Bytes.ascii("battery overheat")));
        out.add(new AlarmWarning(0xFF, Bytes.EMPTY));
        out.add(new CustomControl(0x80, Bytes.fromHex("0102")));
        return out;
    }

    private static Seed plain(Gb32960Message m) {
        return new Seed(name(m), m.header().edition(), ENCODER.encode(m), new int[0], m);
    }

    private static Seed telemetry(Edition e, CommandId command, List<InfoUnit> units, Signature sig, Bytes trailer) {
        FrameHeader h = cmd(e, command);
        TelemetryReport report = new TelemetryReport(h, TIME, units, sig,
                sig == null ? SignatureStatus.ABSENT : SignatureStatus.NOT_CHECKED, trailer);
        int[] items = new int[units.size() + 1];
        for (int i = 0; i <= units.size(); i++) {
            // time + the first i items: where item i starts
            items[i] = FrameLayout.HEADER_LENGTH
                    + Gb32960Encoder.dataUnit(TelemetryReport.of(h, TIME, units.subList(0, i))).length;
        }
        return new Seed(name(report) + units.size(), e, ENCODER.encode(report), items, report);
    }

    /** Seeds whose data unit is time, count, then parameter items. */
    private static Seed parameterSeed(Gb32960Message m) {
        ParameterList list;
        if (m instanceof QueryResponse q) {
            list = q.parameters();
        } else if (m instanceof SetCommand s) {
            list = s.parameters();
        } else {
            list = ((SetResponse) m).echo();
        }
        int[] items = new int[list.items().size() + 1];
        int at = FrameLayout.HEADER_LENGTH + 6 + 1;
        for (int i = 0; i < list.items().size(); i++) {
            items[i] = at;
            at += 1 + list.items().get(i).value().length();
        }
        items[list.items().size()] = at;
        return new Seed(name(m), m.header().edition(), ENCODER.encode(m), items, m);
    }

    private static String name(Gb32960Message m) {
        FrameHeader h = m.header();
        return String.format("%s %s cmd=%02x flag=%02x", h.edition().label(), m.getClass().getSimpleName(),
                h.command(), h.responseFlag());
    }

    private static FrameHeader cmd(Edition e, CommandId command) {
        return FrameHeader.command(e, command.id(), VIN);
    }

    private static FrameHeader header(Edition e, int command, int flag) {
        return FrameHeader.command(e, command, VIN).withResponseFlag(flag);
    }

    private static FixedString packCode(char c) {
        return FixedString.of(String.valueOf(c).repeat(PackCodes.CODE_LENGTH), PackCodes.CODE_LENGTH);
    }

    static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
