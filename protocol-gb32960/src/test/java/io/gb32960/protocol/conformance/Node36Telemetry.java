package io.gb32960.protocol.conformance;

import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.unit.Alarm2016;
import io.gb32960.protocol.unit.CellVoltages2016;
import io.gb32960.protocol.unit.DriveMotor2016;
import io.gb32960.protocol.unit.DriveMotors;
import io.gb32960.protocol.unit.Extremes2016;
import io.gb32960.protocol.unit.FaultCodes;
import io.gb32960.protocol.unit.InfoUnit;
import io.gb32960.protocol.unit.OpaqueRemainder;
import io.gb32960.protocol.unit.Position2016;
import io.gb32960.protocol.unit.ProbeTemperatures;
import io.gb32960.protocol.unit.UserDefinedUnit;
import io.gb32960.protocol.unit.VehicleData2016;
import io.gb32960.protocol.value.Scale;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * 36node realtime/reissue items, in 36node's conventions (scaled values, soc fraction, pedal
 * percent/100, names for states). Shanghai-bus custom blocks (0x80-0x8D) are vendor extensions;
 * for them only what the standard fixes is compared (type, WORD length).
 */
final class Node36Telemetry {

    private static final Map<String, Integer> VEHICLE_STATUS = Map.of("ON", 1, "OFF", 2);
    private static final Map<String, Integer> CHARGE_STATUS = Map.of("UNCHARGED", 3);
    private static final Map<String, Integer> MODE = Map.of("ELECTRIC", 1);
    private static final Map<String, Integer> DCDC = Map.of("ON", 1, "OFF", 2);
    private static final Map<String, Integer> MOTOR_STATUS = Map.of("CONSUMPTION", 1, "READY", 4);
    /** 36node's names of the 19 general alarm flags, by bit (PROTOCOL.md §5.9 order). */
    private static final List<String> ALARM_FLAGS = List.of("tempDiff", "batteryTempOver", "ressVolOver",
            "ressVolLow", "socLow", "batteryOver", "batteryLow", "socOver", "socJump", "ressNotMatch",
            "batteryBadConsistency", "insulation", "dcdcTemp", "brake", "dcdcStatus", "motorControlTemp",
            "highVolMuteStatus", "motorTemp", "ressChargeOver");

    private Node36Telemetry() {
    }

    static void items(Check c, TelemetryReport r, JsonNode items) {
        List<InfoUnit> units = r.units();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String type = item.get("type").asString();
            String p = "items[" + i + "]:" + type;
            switch (type) {
                case "VEHICLE" -> vehicle(c, p, r.unit(VehicleData2016.class), item);
                case "MOTOR" -> motors(c, p, r.unit(DriveMotors.class), item);
                case "LOCATION" -> {
                    Position2016 pos = r.unit(Position2016.class);
                    c.num(p, pos.status(), item, "state");
                    c.eq(p + ".lng", pos.longitude().value(), item.get("lng").asDouble());
                    c.eq(p + ".lat", pos.latitude().value(), item.get("lat").asDouble());
                }
                case "EXTREME" -> extreme(c, p, r.unit(Extremes2016.class), item);
                case "ALARM" -> alarm(c, p, r.unit(Alarm2016.class), item);
                case "RESS_VOLTAGE" -> voltages(c, p, r.unit(CellVoltages2016.class), item);
                case "RESS_TEMPERATURE" -> temperatures(c, p, r.unit(ProbeTemperatures.class), item);
                case "CUSTOM_EXT" -> {
                    UserDefinedUnit u = userDefined(r, 0x80);
                    c.eq(p + " present", u != null, true);
                    if (u != null) {
                        c.num(p + ".dataLen", u.data().length(), item, "dataLen");
                    }
                }
                case "TEN_SECONDS", "ADAS" -> vendorBlockWithoutLength(c, p, r, item, type.equals("ADAS") ? 0x82 : 0x81);
                default -> Node36Expectations.unmapped("item type", type);
            }
        }
        if (!items.isEmpty()) {
            c.eq("standard + user-defined item count", units.size() >= items.size(), true);
        }
    }

    private static void vehicle(Check c, String p, VehicleData2016 v, JsonNode x) {
        c.eq(p + ".status", v.vehicleState(), code(VEHICLE_STATUS, "status", x));
        c.eq(p + ".chargeStatus", v.chargingState(), code(CHARGE_STATUS, "chargeStatus", x));
        c.eq(p + ".mode", v.runMode(), code(MODE, "mode", x));
        c.quantity(p + ".speed", v.speedKmh(), x.get("speed").asDouble());
        c.quantity(p + ".mileage", v.odometerKm(), x.get("mileage").asDouble());
        c.quantity(p + ".voltage", v.totalVoltageV(), x.get("voltage").asDouble());
        c.quantity(p + ".current", v.totalCurrentA(), x.get("current").asDouble());
        c.quantity(p + ".soc (fraction)", v.socPercent(), x.get("soc").asDouble() * 100);
        c.eq(p + ".dcStatus", v.dcdcState(), code(DCDC, "dcStatus", x));
        c.eq(p + ".shift", v.gearInfo().gearName(), x.get("shift").asString());
        c.quantity(p + ".resistance", v.insulationKohm(), x.get("resistance").asDouble());
        c.quantity(p + ".aptv (percent/100)", v.acceleratorPedalPercent(), x.get("aptv").asDouble() * 100);
        c.quantity(p + ".brake (percent/100)", v.brakePedalPercent(), x.get("brake").asDouble() * 100);
    }

    private static void motors(Check c, String p, DriveMotors d, JsonNode x) {
        c.num(p + ".count", d.count(), x, "count");
        JsonNode list = x.get("motors");
        c.eq(p + ".motors size", d.motors().size(), list.size());
        for (int i = 0; i < Math.min(list.size(), d.motors().size()); i++) {
            DriveMotor2016 m = (DriveMotor2016) d.motors().get(i);
            JsonNode o = list.get(i);
            String q = p + ".motors[" + i + "]";
            c.num(q + ".no", m.sequence(), o, "no");
            c.eq(q + ".status", m.state(), code(MOTOR_STATUS, "motor status", o.get("status").asString()));
            c.quantity(q + ".controlTemp", m.controllerTempC(), o.get("controlTemp").asDouble());
            c.quantity(q + ".speed", m.speedRpm(), o.get("speed").asDouble());
            c.quantity(q + ".torque", m.torqueNm(), o.get("torque").asDouble());
            c.quantity(q + ".temp", m.motorTempC(), o.get("temp").asDouble());
            c.quantity(q + ".voltage", m.controllerVoltageV(), o.get("voltage").asDouble());
            c.quantity(q + ".current", m.controllerCurrentA(), o.get("current").asDouble());
        }
    }

    private static void extreme(Check c, String p, Extremes2016 e, JsonNode x) {
        c.num(p, e.maxVoltageSubsystem(), x, "maxVoltageSubSysNo");
        c.num(p, e.maxVoltageCell(), x, "maxVoltageSingNo");
        c.quantity(p + ".maxVoltage", e.maxCellVoltageV(), x.get("maxVoltage").asDouble());
        c.num(p, e.minVoltageSubsystem(), x, "minVoltageSubSysNo");
        c.num(p, e.minVoltageCell(), x, "minVoltageSingNo");
        c.quantity(p + ".minVoltage", e.minCellVoltageV(), x.get("minVoltage").asDouble());
        c.num(p, e.maxTempSubsystem(), x, "maxNtcSubSysNo");
        c.num(p, e.maxTempProbe(), x, "maxNtcNo");
        c.quantity(p + ".maxNtc", e.maxTempC(), x.get("maxNtc").asDouble());
        c.num(p, e.minTempSubsystem(), x, "minNtcSubSysNo");
        c.num(p, e.minTempProbe(), x, "minNtcNo");
        c.quantity(p + ".minNtc", e.minTempC(), x.get("minNtc").asDouble());
    }

    private static void alarm(Check c, String p, Alarm2016 a, JsonNode x) {
        c.num(p, a.maxLevel(), x, "maxLevel");
        JsonNode uas = x.get("uas");
        if (uas.isObject()) {
            c.eq(p + ".uas keys", uas.size(), ALARM_FLAGS.size());
            for (int bit = 0; bit < ALARM_FLAGS.size(); bit++) {
                String name = ALARM_FLAGS.get(bit);
                c.num(p + ".uas." + name, (a.flags() >>> bit) & 1, uas, name);
            }
        } else {
            c.eq(p + ".uas (abbreviated)", uas.asString(), "all 19 flags 0");
            c.eq(p + ".uas", a.flags(), 0L);
        }
        faults(c, p + ".ress", a.storageFaults(), x, "ressLen", "ressList");
        faults(c, p + ".mortor", a.motorFaults(), x, "mortorLen", "mortorList");
        faults(c, p + ".engine", a.engineFaults(), x, "engineLen", "engineList");
        faults(c, p + ".other", a.otherFaults(), x, "otherLen", "otherList");
    }

    private static void faults(Check c, String p, FaultCodes f, JsonNode x, String lenKey, String listKey) {
        c.num(p + "Len", f.count(), x, lenKey);
        c.eq(p + "List size", f.codes().size(), x.get(listKey).size());
    }

    private static void voltages(Check c, String p, CellVoltages2016 v, JsonNode x) {
        c.num(p + ".subCount", v.packs().size(), x, "subCount");
        JsonNode subs = x.get("subSystems");
        for (int i = 0; i < Math.min(subs.size(), v.packs().size()); i++) {
            CellVoltages2016.Subsystem s = v.packs().get(i);
            JsonNode o = subs.get(i);
            String q = p + ".subSystems[" + i + "]";
            c.num(q + ".no", s.number(), o, "no");
            c.quantity(q + ".voltage", s.voltageV(), o.get("voltage").asDouble());
            c.quantity(q + ".current", s.currentA(), o.get("current").asDouble());
            c.num(q + ".batteryCount", s.totalCells(), o, "batteryCount");
            c.num(q + ".frameStartBatteryNo", s.startCell(), o, "frameStartBatteryNo");
            c.num(q + ".frameBatteryCount", s.cellVoltagesRaw().size(), o, "frameBatteryCount");
            JsonNode vols = o.get("batteryVols");
            c.eq(q + ".batteryVols size", s.cellVoltagesRaw().size(), vols.size());
            for (int k = 0; k < Math.min(vols.size(), s.cellVoltagesRaw().size()); k++) {
                c.quantity(q + ".batteryVols[" + k + "]", Scale.ofWord(s.cellVoltagesRaw().get(k), 0.001, 0),
                        vols.get(k).asDouble());
            }
        }
    }

    private static void temperatures(Check c, String p, ProbeTemperatures t, JsonNode x) {
        c.num(p + ".subCount", t.groups().size(), x, "subCount");
        JsonNode subs = x.get("subSystems");
        for (int i = 0; i < Math.min(subs.size(), t.groups().size()); i++) {
            ProbeTemperatures.Group g = t.groups().get(i);
            JsonNode o = subs.get(i);
            String q = p + ".subSystems[" + i + "]";
            c.num(q + ".no", g.number(), o, "no");
            c.num(q + ".probeCount", g.probeCount(), o, "probeCount");
            JsonNode temps = o.get("temps");
            for (int k = 0; k < Math.min(temps.size(), g.probeCount()); k++) {
                c.quantity(q + ".temps[" + k + "]", g.temperatureC(k), temps.get(k).asDouble());
            }
        }
    }

    /**
     * 36node's "10 seconds" (0x81) and "ADAS" (0x82) blocks carry no WORD length, which the
     * standard requires for 0x80-0xFE (PROTOCOL.md §5.2). A standard decoder reads the first two
     * record bytes as the length: 0x0100 = 256. For 0x81 that overruns the unit, so the rest stays
     * opaque; for 0x82 it fits, so a 256-byte item is read and the following byte (0x0D, a
     * platform-custom type) starts an opaque remainder. Either way the bytes after the type are the
     * source's N fixed-size records, and nothing is lost.
     */
    private static void vendorBlockWithoutLength(Check c, String p, TelemetryReport r, JsonNode x, int type) {
        int records = x.get("datas").size();
        List<InfoUnit> units = r.units();
        int bytesAfterType = 0;
        if (type == 0x81) {
            c.eq(p + " units", units.size(), 1);
            c.eq(p + " kept opaque", units.get(0) instanceof OpaqueRemainder o && o.type() == 0x81, true);
            bytesAfterType = ((OpaqueRemainder) units.get(0)).data().length();
        } else {
            c.eq(p + " units", units.size(), 2);
            c.eq(p + " first read with WORD length 0x0100",
                    units.get(0) instanceof UserDefinedUnit u && u.type() == 0x82 && u.data().length() == 0x100, true);
            c.eq(p + " rest opaque from type 0x0D",
                    units.get(1) instanceof OpaqueRemainder o && o.type() == 0x0D, true);
            if (units.size() == 2 && units.get(1) instanceof OpaqueRemainder o) {
                bytesAfterType = 2 + 0x100 + 1 + o.data().length();
            }
        }
        c.eq(p + " bytes split evenly into " + records + " records", bytesAfterType > 0 && bytesAfterType % records == 0, true);
    }

    /**
     * "Realtime Report with Wrong Data": 36node rejects it ("custome ext section has wrong lenth
     * 16") because its Shanghai-bus 0x80 layout has 48 bytes. By the standard a 0x80 item is any
     * WORD-length block, so the frame is valid: every item decodes, the custom ones as
     * user-defined items with their own lengths, and it round-trips.
     */
    static void wrongCustomLength(Check c, CorpusEntry e, TelemetryReport r, JsonNode req) {
        c.isTrue("source error", req.get("err").asString().contains("wrong lenth 16"));
        c.eq("body.at", Node36Expectations.utc(r.time()),
                Instant.parse(req.get("body").get("at").asString()));
        UserDefinedUnit first = userDefined(r, 0x80);
        c.eq("0x80 item length (36node wants 48)", first == null ? -1 : first.data().length(), 16);
        c.eq("no opaque remainder", r.units().stream().noneMatch(u -> u instanceof OpaqueRemainder), true);
        c.eq("user-defined types", r.units().stream().filter(u -> u instanceof UserDefinedUnit)
                .map(u -> ((UserDefinedUnit) u).type()).toList(), List.of(0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x87, 0x8C, 0x8D));
        c.isTrue("standard items present", r.unit(VehicleData2016.class) != null && r.unit(CellVoltages2016.class) != null
                && r.unit(ProbeTemperatures.class) != null && r.unit(Alarm2016.class) != null);
    }

    private static UserDefinedUnit userDefined(TelemetryReport r, int type) {
        for (InfoUnit u : r.units()) {
            if (u instanceof UserDefinedUnit d && d.type() == type) {
                return d;
            }
        }
        return null;
    }

    private static int code(Map<String, Integer> names, String key, JsonNode x) {
        return code(names, key, x.get(key).asString());
    }

    private static int code(Map<String, Integer> names, String what, String name) {
        Integer v = names.get(name);
        if (v == null) {
            Node36Expectations.unmapped(what, name);
        }
        return v;
    }
}
