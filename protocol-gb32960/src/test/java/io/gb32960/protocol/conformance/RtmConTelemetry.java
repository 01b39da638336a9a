package io.gb32960.protocol.conformance;

import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.message.Signature;
import io.gb32960.protocol.message.SignatureStatus;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.unit.Alarm;
import io.gb32960.protocol.unit.Alarm2025;
import io.gb32960.protocol.unit.CellVoltages;
import io.gb32960.protocol.unit.CellVoltages2016;
import io.gb32960.protocol.unit.DriveMotor;
import io.gb32960.protocol.unit.DriveMotor2016;
import io.gb32960.protocol.unit.DriveMotors;
import io.gb32960.protocol.unit.Engine;
import io.gb32960.protocol.unit.Engine2016;
import io.gb32960.protocol.unit.Extremes2016;
import io.gb32960.protocol.unit.FaultCodes;
import io.gb32960.protocol.unit.InfoUnit;
import io.gb32960.protocol.unit.OpaqueRemainder;
import io.gb32960.protocol.unit.Position;
import io.gb32960.protocol.unit.Position2025;
import io.gb32960.protocol.unit.ProbeTemperatures;
import io.gb32960.protocol.unit.UserDefinedUnit;
import io.gb32960.protocol.unit.VehicleData;
import io.gb32960.protocol.unit.VehicleData2016;
import io.gb32960.protocol.unit.VehicleData2025;
import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.Scale;
import io.gb32960.protocol.value.ValueState;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.WireWriter;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.gb32960.protocol.conformance.RtmConExpectations.known;

/**
 * rtm_con realtime items ({@code data_list}) against our info units, and the 2025 signature.
 *
 * <p>Known source bug, not followed (corpus {@code expected_fix_by_us}, PROTOCOL.md §5.10):
 * rtm_con reads the 2016 0x08 subsystem current with offset -3000 A; the standard (Table B.6)
 * says -1000 A. The source's number is turned back into the raw value with its offset and the
 * expected current recomputed as raw × 0.1 − 1000.
 */
final class RtmConTelemetry {

    private static final Map<String, Integer> VEHICLE_STATE = Map.of("on", 1, "off", 2, "abnormal", 0xFE, "invalid", 0xFF);
    private static final Map<String, Integer> CHARGE_STATE = Map.of("uncharged", 3, "abnormal", 0xFE, "invalid", 0xFF);
    private static final Map<String, Integer> OPERATE_STATE = Map.of("pure_electric", 1, "abnormal", 0xFE, "invalid", 0xFF);
    private static final Map<String, Integer> DCDC_STATE = Map.of("on", 1, "off", 2, "abnormal", 0xFE, "invalid", 0xFF);
    private static final Map<String, Integer> ENGINE_STATE = Map.of("on", 1, "off", 2, "abnormal", 0xFE, "invalid", 0xFF);
    private static final Map<String, Integer> MOTOR_STATE = Map.of("consuming_power", 1, "generating_power", 2, "off", 3,
            "ready", 4, "abnormal", 0xFE, "invalid", 0xFF);
    /** rtm_con's general alarm flag names, by bit (PROTOCOL.md §5.9 and §6.9 order). */
    private static final List<String> WARNINGS = List.of("temp_differentce_warning", "pack_high_temp_warning",
            "pack_over_volt_warning", "pack_under_volt_warning", "soc_low_warning", "cell_over_volt_warning",
            "cell_under_volt_warning", "soc_high_warning", "soc_jump_warning", "pack_unmatched_warning",
            "cell_poor_consistency_warning", "insulation_warning", "dcdc_temp_warning", "brake_system_wanring",
            "dcdc_state_warning", "emotor_driver_temp_warning", "hv_interlock_warning", "emotor_temp_warning",
            "pack_over_charged_warning", "emotor_over_speed_warning", "emotor_over_curr_warning",
            "super_capacitor_over_temp_warning", "super_capacitor_over_pressure_warning", "pack_thermal_event_warning",
            "hydrogen_leakage_warning", "hydrogen_system_presure_abnormal_warning",
            "hydrogen_system_temp_abnormal_warning", "fuel_cell_stack_over_temp_warning");

    private RtmConTelemetry() {
    }

    static void report(Check c, CorpusEntry e, TelemetryReport r, JsonNode p) {
        JsonNode list = p.get("data_list");
        List<InfoUnit> units = r.units();
        c.eq("data_list size", units.size(), list.size());
        for (int i = 0; i < Math.min(list.size(), units.size()); i++) {
            JsonNode item = list.get(i);
            JsonNode type = item.get("data_type");
            JsonNode x = item.get("data_content");
            InfoUnit u = units.get(i);
            String path = "data_list[" + i + "]:" + type.asString();
            if (type.isNumber()) {
                custom(c, path, u, type.asInt(), x, p);
                continue;
            }
            switch (type.asString()) {
                case "whole_vehicle" -> vehicle(c, path, (VehicleData) u, x);
                case "emotor" -> motors(c, path, (DriveMotors) u, x);
                case "engine" -> engine(c, path, (Engine) u, x);
                case "gnss" -> gnss(c, path, (Position) u, x);
                case "pack_extrema" -> extrema(c, path, (Extremes2016) u, x);
                case "warnings" -> warnings(c, path, (Alarm) u, x);
                case "cell_volts" -> cellVolts(c, e, path, (CellVoltages) u, x);
                case "probe_temps" -> probeTemps(c, path, (ProbeTemperatures) u, x);
                default -> c.eq(path + " mapped", type.asString(), "a mapped rtm_con data type");
            }
        }
        signature(c, e, r, p);
    }

    /**
     * 2025: the signature is present and, without a key, NOT_CHECKED (verification is another
     * suite's). Bytes after it (the "unknown data before checksum" sample) are kept as the trailer.
     */
    private static void signature(Check c, CorpusEntry e, TelemetryReport r, JsonNode p) {
        if (e.edition() == Edition.V2016) {
            c.eq("2016: no signature", r.signatureStatus(), SignatureStatus.ABSENT);
            c.eq("2016: no trailer", r.trailer(), Bytes.EMPTY);
            return;
        }
        c.eq("sig_starter", p.get("sig_starter").asString(), "ff");
        RtmConExpectations.signature(c, "sig", r.signature(), p.get("sig"));
        c.eq("signature status without a key", r.signatureStatus(), SignatureStatus.NOT_CHECKED);
        if (e.id().endsWith("unknown_data_before_checksum")) {
            c.isTrue("bytes after the signature kept as trailer", !r.trailer().isEmpty());
            int trailerStart = e.bytes().length - 1 - r.trailer().length();
            c.eq("trailer = the frame's bytes after the signature", r.trailer(),
                    Bytes.of(e.bytes(), trailerStart, r.trailer().length()));
        } else {
            c.eq("no trailer", r.trailer(), Bytes.EMPTY);
        }
    }

    private static void vehicle(Check c, String p, VehicleData v, JsonNode x) {
        c.eq(p + ".vehicle_state", v.vehicleState(), known(VEHICLE_STATE, "vehicle_state", x.get("vehicle_state").asString()));
        c.eq(p + ".charge_state", v.chargingState(), known(CHARGE_STATE, "charge_state", x.get("charge_state").asString()));
        c.eq(p + ".operate_state", v.runMode(), known(OPERATE_STATE, "operate_state", x.get("operate_state").asString()));
        q(c, p + ".vehicle_speed", v.speedKmh(), x.get("vehicle_speed"));
        q(c, p + ".mileage_total", v.odometerKm(), x.get("mileage_total"));
        q(c, p + ".voltage_total", v.totalVoltageV(), x.get("voltage_total"));
        q(c, p + ".current_total", v.totalCurrentA(), x.get("current_total"));
        q(c, p + ".soc", v.socPercent(), x.get("soc"));
        c.eq(p + ".dcdc_state", v.dcdcState(), known(DCDC_STATE, "dcdc_state", x.get("dcdc_state").asString()));
        JsonNode g = x.get("gear_state");
        c.eq(p + ".gear_state.gear", v.gearInfo().gearName(), g.get("gear").asString());
        c.num(p + ".gear_state.driving_force", v.gearInfo().drivingForce() ? 1 : 0, g, "driving_force");
        c.num(p + ".gear_state.braking_force", v.gearInfo().brakingForce() ? 1 : 0, g, "braking_force");
        if (v instanceof VehicleData2025) {
            c.eq(p + ".gear_state.gear_postion_validity", v.gearInfo().invalidFlag() ? "invalid" : "valid",
                    g.get("gear_postion_validity").asString());
        }
        q(c, p + ".insulation_resistance", v.insulationKohm(), x.get("insulation_resistance"));
        if (v instanceof VehicleData2016 v16) {
            q(c, p + ".accelerator_padel", v16.acceleratorPedalPercent(), x.get("accelerator_padel"));
            q(c, p + ".brake_padel", v16.brakePedalPercent(), x.get("brake_padel"));
        }
    }

    private static void motors(Check c, String p, DriveMotors d, JsonNode x) {
        c.eq(p + " count", d.motors().size(), x.size());
        for (int i = 0; i < Math.min(x.size(), d.motors().size()); i++) {
            DriveMotor m = d.motors().get(i);
            JsonNode o = x.get(i);
            String q = p + "[" + i + "]";
            c.num(q + ".index", m.sequence(), o, "index");
            c.eq(q + ".state", m.state(), known(MOTOR_STATE, "emotor state", o.get("state").asString()));
            q(c, q + ".ctrl_temp", m.controllerTempC(), o.get("ctrl_temp"));
            q(c, q + ".speed", m.speedRpm(), o.get("speed"));
            q(c, q + ".torque", m.torqueNm(), o.get("torque"));
            q(c, q + ".temp", m.motorTempC(), o.get("temp"));
            if (m instanceof DriveMotor2016 m16) {
                q(c, q + ".ctrl_volt", m16.controllerVoltageV(), o.get("ctrl_volt"));
                q(c, q + ".ctrl_curr", m16.controllerCurrentA(), o.get("ctrl_curr"));
            }
        }
    }

    private static void engine(Check c, String p, Engine g, JsonNode x) {
        // rtm_con calls the crankshaft speed "engine_torque"
        q(c, p + ".engine_torque (crankshaft speed)", g.crankshaftSpeedRpm(), x.get("engine_torque"));
        if (g instanceof Engine2016 g16) {
            c.eq(p + ".engine_state", g16.state(), known(ENGINE_STATE, "engine_state", x.get("engine_state").asString()));
            q(c, p + ".fuel_consumption", g16.fuelConsumptionLPer100Km(), x.get("fuel_consumption"));
        }
    }

    /**
     * Coordinates: rtm_con prints raw × 10^-6 unsigned, and "... invalid" for 0xFFFFFFFF. Our
     * Coordinates follow the DWORD sentinels: 0xFFFFFFFF is invalid, as rtm_con says.
     */
    private static void gnss(Check c, String p, Position pos, JsonNode x) {
        JsonNode s = x.get("gnss_state");
        c.eq(p + ".gnss_state.gnss_e_w", pos.west() ? "w" : "e", s.get("gnss_e_w").asString());
        c.eq(p + ".gnss_state.gnss_n_s", pos.south() ? "s" : "n", s.get("gnss_n_s").asString());
        c.num(p + ".gnss_state.gnss_valid (status bit 0)", pos.status() & 1, s, "gnss_valid");
        coordinate(c, p + ".gnss_lng", pos.longitudeRaw(), pos.longitude(), x.get("gnss_lng"));
        coordinate(c, p + ".gnss_lat", pos.latitudeRaw(), pos.latitude(), x.get("gnss_lat"));
        if (pos instanceof Position2025 p25) {
            JsonNode gcs = x.get("gnss_gcs");
            if (gcs.isNumber()) {
                c.num(p + ".gnss_gcs", p25.coordinateSystem(), gcs);
            } else {
                c.eq(p + ".gnss_gcs", p25.coordinateSystemName().toLowerCase(), gcs.asString());
            }
        }
    }

    private static void coordinate(Check c, String p, long raw, io.gb32960.protocol.value.Quantity q, JsonNode x) {
        RtmConExpectations.Value v = RtmConExpectations.Value.parse(x);
        c.eq(p, raw, Math.round(v.number() * 1_000_000));
        c.eq(p + " state", q.state(), v.state());
    }

    private static void extrema(Check c, String p, Extremes2016 e, JsonNode x) {
        raw(c, p + ".max_volt_pack_index", e.maxVoltageSubsystem(), x.get("max_volt_pack_index"));
        raw(c, p + ".max_volt_cell_index", e.maxVoltageCell(), x.get("max_volt_cell_index"));
        q(c, p + ".max_cell_volt", e.maxCellVoltageV(), x.get("max_cell_volt"));
        raw(c, p + ".min_volt_pack_index", e.minVoltageSubsystem(), x.get("min_volt_pack_index"));
        raw(c, p + ".min_volt_cell_index", e.minVoltageCell(), x.get("min_volt_cell_index"));
        q(c, p + ".min_cell_volt", e.minCellVoltageV(), x.get("min_cell_volt"));
        raw(c, p + ".max_temp_pack_index", e.maxTempSubsystem(), x.get("max_temp_pack_index"));
        raw(c, p + ".max_temp_cell_index", e.maxTempProbe(), x.get("max_temp_cell_index"));
        q(c, p + ".max_cell_temp", e.maxTempC(), x.get("max_cell_temp"));
        raw(c, p + ".min_temp_pack_index", e.minTempSubsystem(), x.get("min_temp_pack_index"));
        raw(c, p + ".min_temp_cell_index", e.minTempProbe(), x.get("min_temp_cell_index"));
        q(c, p + ".min_cell_temp", e.minTempC(), x.get("min_cell_temp"));
    }

    private static void warnings(Check c, String p, Alarm a, JsonNode x) {
        c.num(p + ".max_warning_level", a.maxLevel(), x, "max_warning_level");
        JsonNode flags = x.get("general_warnings");
        int bits = a instanceof Alarm2025 ? WARNINGS.size() : 19;
        c.eq(p + ".general_warnings keys", flags.size(), bits);
        for (int bit = 0; bit < bits; bit++) {
            String name = WARNINGS.get(bit);
            c.num(p + ".general_warnings." + name, (a.flags() >>> bit) & 1, flags, name);
        }
        faults(c, p + ".pack_failures", a.storageFaults(), x.get("pack_failures"));
        faults(c, p + ".emotor_failures", a.motorFaults(), x.get("emotor_failures"));
        faults(c, p + ".engine_failures", a.engineFaults(), x.get("engine_failures"));
        faults(c, p + ".other_failures", a.otherFaults(), x.get("other_failures"));
        if (a instanceof Alarm2025 a25) {
            JsonNode list = x.get("general_warning_list");
            c.eq(p + ".general_warning_list size", a25.flagLevels().size(), list.size());
            for (int i = 0; i < Math.min(list.size(), a25.flagLevels().size()); i++) {
                Alarm2025.FlagLevel l = a25.flagLevels().get(i);
                JsonNode o = list.get(i);
                c.eq(p + ".general_warning_list[" + i + "].warning", l.flagBit(), WARNINGS.indexOf(o.get("warning").asString()));
                c.num(p + ".general_warning_list[" + i + "].level", l.level(), o, "level");
            }
        }
    }

    private static void faults(Check c, String p, FaultCodes f, JsonNode x) {
        List<String> actual = new ArrayList<>();
        for (String h : f.hex()) {
            actual.add(h.toLowerCase());
        }
        c.eq(p, actual, Check.strings(x));
    }

    private static void cellVolts(Check c, CorpusEntry e, String p, CellVoltages v, JsonNode x) {
        c.eq(p + " count", v.packs().size(), x.size());
        for (int i = 0; i < Math.min(x.size(), v.packs().size()); i++) {
            CellVoltages.Pack pack = v.packs().get(i);
            JsonNode o = x.get(i);
            String q = p + "[" + i + "]";
            raw(c, q + ".index", pack.number(), o.get("index"));
            q(c, q + ".volt", pack.voltageV(), o.get("volt"));
            if (pack instanceof CellVoltages2016.Subsystem s) {
                current2016(c, e, q + ".curr", s, o.get("curr"));
                raw(c, q + ".cell_total", s.totalCells(), o.get("cell_total"));
                raw(c, q + ".cell_start_index", s.startCell(), o.get("cell_start_index"));
            } else {
                q(c, q + ".curr", pack.currentA(), o.get("curr"));
            }
            JsonNode cells = o.get("cell_volts");
            c.eq(q + ".cell_volts size", pack.cellVoltagesRaw().size(), cells.size());
            for (int k = 0; k < Math.min(cells.size(), pack.cellVoltagesRaw().size()); k++) {
                q(c, q + ".cell_volts[" + k + "]", Scale.ofWord(pack.cellVoltagesRaw().get(k), 0.001, 0), cells.get(k));
            }
        }
    }

    /** The source bug: rtm_con's number is raw × 0.1 − 3000; the standard's value is raw × 0.1 − 1000. */
    private static void current2016(Check c, CorpusEntry e, String p, CellVoltages2016.Subsystem s, JsonNode x) {
        c.eq(p + " fix documented", e.fixByUs().path("cell_volts[].curr_per_standard_2016").asString(), "raw*0.1-1000 A");
        RtmConExpectations.Value source = RtmConExpectations.Value.parse(x);
        long raw = Math.round((source.number() + 3000) / 0.1);
        c.eq(p + " raw (from the source's -3000 reading)", (long) s.currentRaw(), raw);
        c.quantity(p + " per standard (raw*0.1-1000 A)", s.currentA(), source.state(), raw * 0.1 - 1000);
    }

    private static void probeTemps(Check c, String p, ProbeTemperatures t, JsonNode x) {
        c.eq(p + " count", t.groups().size(), x.size());
        for (int i = 0; i < Math.min(x.size(), t.groups().size()); i++) {
            ProbeTemperatures.Group g = t.groups().get(i);
            JsonNode o = x.get(i);
            raw(c, p + "[" + i + "].index", g.number(), o.get("index"));
            JsonNode temps = o.get("probe_temps");
            c.eq(p + "[" + i + "].probe_temps size", g.probeCount(), temps.size());
            for (int k = 0; k < Math.min(temps.size(), g.probeCount()); k++) {
                q(c, p + "[" + i + "].probe_temps[" + k + "]", g.temperatureC(k), temps.get(k));
            }
        }
    }

    /**
     * User-defined items (data_type 128, 131: hex content) and the "weird" 2025 sample whose
     * reserved type 0x79 (121) precedes the signature. Type 0x79 has no length (PROTOCOL.md §5.2);
     * in a 2025 frame our decoder keeps it opaque up to the first 0xFF from which a signature parses
     * exactly to the end, which is rtm_con's reading too: the opaque data is the 32 bytes the source
     * lists, and the signature is separated and checked like any other.
     */
    private static void custom(Check c, String p, InfoUnit u, int type, JsonNode x, JsonNode payload) {
        if (x.isString()) {
            c.eq(p + " user-defined", u instanceof UserDefinedUnit d && d.type() == type, true);
            if (u instanceof UserDefinedUnit d) {
                c.eq(p + " data", d.data().toHex(), x.asString());
            }
            return;
        }
        c.eq(p + " kept opaque", u instanceof OpaqueRemainder o && o.type() == type, true);
        if (!(u instanceof OpaqueRemainder o)) {
            return;
        }
        // the unknown item ends where a signature parses exactly to the end (checked in signature())
        WireWriter w = new WireWriter(512);
        for (JsonNode b : x.values()) {
            w.u8(b.get("data_byte").asInt());
        }
        c.eq(p + " data = the listed bytes, up to the signature marker", o.data(), Bytes.of(w.toByteArray()));
    }

    /** Index-like fields: rtm_con prints the raw number ("255 invalid", "5", 65535). */
    private static void raw(Check c, String p, long actual, JsonNode x) {
        c.eq(p, actual, RtmConExpectations.Value.parse(x).asLong());
    }

    private static void q(Check c, String p, Quantity actual, JsonNode x) {
        RtmConExpectations.Value v = RtmConExpectations.Value.parse(x);
        c.quantity(p, actual, v.state(), v.number());
    }
}
