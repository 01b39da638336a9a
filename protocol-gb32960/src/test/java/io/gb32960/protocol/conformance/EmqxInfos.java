package io.gb32960.protocol.conformance;

import io.gb32960.protocol.message.SignatureStatus;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.unit.Alarm;
import io.gb32960.protocol.unit.Alarm2025;
import io.gb32960.protocol.unit.CellVoltages2016;
import io.gb32960.protocol.unit.CellVoltages2025;
import io.gb32960.protocol.unit.DriveMotor;
import io.gb32960.protocol.unit.DriveMotor2016;
import io.gb32960.protocol.unit.DriveMotor2025;
import io.gb32960.protocol.unit.DriveMotors;
import io.gb32960.protocol.unit.Engine;
import io.gb32960.protocol.unit.Engine2016;
import io.gb32960.protocol.unit.Extremes2016;
import io.gb32960.protocol.unit.FaultCodes;
import io.gb32960.protocol.unit.FuelCell2016;
import io.gb32960.protocol.unit.FuelCell2025;
import io.gb32960.protocol.unit.FuelCellStacks;
import io.gb32960.protocol.unit.InfoUnit;
import io.gb32960.protocol.unit.OpaqueRemainder;
import io.gb32960.protocol.unit.Position;
import io.gb32960.protocol.unit.Position2025;
import io.gb32960.protocol.unit.ProbeTemperatures;
import io.gb32960.protocol.unit.SuperCapacitor;
import io.gb32960.protocol.unit.SuperCapacitorExtremes;
import io.gb32960.protocol.unit.VehicleData;
import io.gb32960.protocol.unit.VehicleData2016;
import io.gb32960.protocol.value.WordArray;
import io.gb32960.protocol.wire.Bytes;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * EMQX "Infos" of realtime/reissue frames, raw field by raw field. EMQX lists the 2025 signature
 * as an info item; we keep it apart ({@link TelemetryReport#signature()}), NOT_CHECKED without a
 * key. EMQX's 2016 fault codes print with at least 4 hex digits ("007B") although each is a
 * DWORD (PROTOCOL.md §8.9): codes are compared as numbers, and our 8-digit form is asserted.
 */
final class EmqxInfos {

    private EmqxInfos() {
    }

    static void infos(Check c, CorpusEntry e, TelemetryReport r, JsonNode infos) {
        List<InfoUnit> units = r.units();
        int u = 0;
        for (int i = 0; i < infos.size(); i++) {
            JsonNode x = infos.get(i);
            String type = x.get("Type").asString();
            String p = "Infos[" + i + "]:" + type;
            if (type.equals("Signature")) {
                EmqxExpectations.signature(c, p, r.signature(), x);
                c.eq(p + " status without a key", r.signatureStatus(), SignatureStatus.NOT_CHECKED);
                continue;
            }
            InfoUnit unit = u < units.size() ? units.get(u++) : null;
            switch (type) {
                case "Vehicle" -> vehicle(c, p, (VehicleData) unit, x);
                case "DriveMotor" -> motors(c, p, (DriveMotors) unit, x);
                case "FuelCell" -> fuelCell(c, p, unit, x);
                case "Engine" -> {
                    Engine g = (Engine) unit;
                    c.num(p, g.crankshaftSpeedRaw(), x, "CrankshaftSpeed");
                    if (g instanceof Engine2016 g16) {
                        c.num(p, g16.state(), x, "Status");
                        c.num(p, g16.fuelConsumptionRaw(), x, "FuelConsumption");
                    }
                }
                case "Location" -> {
                    Position pos = (Position) unit;
                    c.num(p, pos.status(), x, "Status");
                    c.num(p, pos.longitudeRaw(), x, "Longitude");
                    c.num(p, pos.latitudeRaw(), x, "Latitude");
                    if (pos instanceof Position2025 p25) {
                        c.num(p, p25.coordinateSystem(), x, "CoordinateSystem");
                    }
                }
                case "Extreme" -> extreme(c, p, (Extremes2016) unit, x);
                case "Alarm" -> alarm(c, p, (Alarm) unit, x);
                case "ChargeableVoltage" -> voltages2016(c, p, (CellVoltages2016) unit, x);
                case "MinVoltageOfPowerBattery" -> voltages2025(c, p, (CellVoltages2025) unit, x);
                case "ChargeableTemp", "TempOfPowerBattery" -> temperatures(c, p, (ProbeTemperatures) unit, x);
                case "FuelCellStack" -> stacks(c, p, (FuelCellStacks) unit, x);
                case "SuperCapacitor" -> superCapacitor(c, p, (SuperCapacitor) unit, x);
                case "SuperCapacitorExtreme" -> superCapacitorExtremes(c, p, (SuperCapacitorExtremes) unit, x);
                case "CustomData" -> custom(c, p, unit, x);
                default -> c.eq(p + " mapped", type, "a mapped EMQX info type");
            }
        }
        c.eq("info item count", units.size(), u);
        if (!infos.toString().contains("Signature")) {
            c.eq("no signature", r.signatureStatus(), SignatureStatus.ABSENT);
        }
    }

    private static void vehicle(Check c, String p, VehicleData v, JsonNode x) {
        c.num(p, v.vehicleState(), x, "Status");
        c.num(p, v.chargingState(), x, "Charging");
        c.num(p, v.runMode(), x, "Mode");
        c.num(p, v.speedRaw(), x, "Speed");
        c.num(p, v.odometerRaw(), x, "Mileage");
        c.num(p, v.totalVoltageRaw(), x, "Voltage");
        c.num(p, v.totalCurrentRaw(), x, "Current");
        c.num(p, v.soc(), x, "SOC");
        c.num(p, v.dcdcState(), x, "DC");
        c.num(p, v.gear(), x, "Gear");
        c.num(p, v.insulationRaw(), x, "Resistance");
        if (v instanceof VehicleData2016 v16) {
            c.num(p, v16.acceleratorPedal(), x, "AcceleratorPedal");
            c.num(p, v16.brakePedal(), x, "BrakePedal");
        } else {
            c.isTrue(p + " has no pedals in 2025", !x.has("AcceleratorPedal") && !x.has("BrakePedal"));
        }
    }

    private static void motors(Check c, String p, DriveMotors d, JsonNode x) {
        c.num(p, d.count(), x, "Number");
        JsonNode list = x.get("Motors");
        c.eq(p + ".Motors size", d.motors().size(), list.size());
        for (int i = 0; i < Math.min(list.size(), d.motors().size()); i++) {
            DriveMotor m = d.motors().get(i);
            JsonNode o = list.get(i);
            String q = p + ".Motors[" + i + "]";
            c.num(q, m.sequence(), o, "No");
            c.num(q, m.state(), o, "Status");
            c.num(q, m.controllerTempRaw(), o, "CtrlTemp");
            c.num(q, m.speedRaw(), o, "Rotating");
            c.num(q, m.motorTempRaw(), o, "MotorTemp");
            if (m instanceof DriveMotor2016 m16) {
                c.num(q, m16.torqueRaw(), o, "Torque");
                c.num(q, m16.controllerVoltageRaw(), o, "InputVoltage");
                c.num(q, m16.controllerCurrentRaw(), o, "DCBusCurrent");
            } else {
                c.num(q, ((DriveMotor2025) m).torqueRaw(), o, "Torque");
            }
        }
    }

    private static void fuelCell(Check c, String p, InfoUnit unit, JsonNode x) {
        if (unit instanceof FuelCell2016 f) {
            c.num(p, f.voltageRaw(), x, "CellVoltage");
            c.num(p, f.currentRaw(), x, "CellCurrent");
            c.num(p, f.consumptionRaw(), x, "FuelConsumption");
            c.num(p, f.probeTempsRaw().length(), x, "ProbeNum");
            c.eq(p + ".ProbeTemps", list(f.probeTempsRaw()), Check.ints(x.get("ProbeTemps")));
            c.num(p, f.h2MaxTempRaw(), x, "H_MaxTemp");
            c.num(p, f.h2MaxTempProbe(), x, "H_TempProbeCode");
            c.num(p, f.h2MaxConcentrationRaw(), x, "H_MaxConc");
            c.num(p, f.h2ConcentrationSensor(), x, "H_ConcSensorCode");
            c.num(p, f.h2MaxPressureRaw(), x, "H_MaxPress");
            c.num(p, f.h2PressureSensor(), x, "H_PressSensorCode");
            c.num(p, f.dcdcState(), x, "DCStatus");
        } else {
            FuelCell2025 f = (FuelCell2025) unit;
            c.num(p, f.h2MaxTempRaw(), x, "H_MaxTemp");
            c.num(p, f.h2MaxTempProbe(), x, "H_TempProbeCode");
            c.num(p, f.h2MaxConcentrationRaw(), x, "H_MaxConc");
            c.num(p, f.h2ConcentrationSensor(), x, "H_ConcSensorCode");
            c.num(p, f.h2MaxPressureRaw(), x, "H_MaxPress");
            c.num(p, f.h2PressureSensor(), x, "H_PressSensorCode");
            c.num(p, f.dcdcState(), x, "DCStatus");
            c.num(p, f.h2RemainingPercent(), x, "RemainingH2");
            c.num(p, f.dcdcTempRaw(), x, "DCDCTemp");
        }
    }

    private static void extreme(Check c, String p, Extremes2016 e, JsonNode x) {
        c.num(p, e.maxVoltageSubsystem(), x, "MaxVoltageBatterySubsysNo");
        c.num(p, e.maxVoltageCell(), x, "MaxVoltageBatteryCode");
        c.num(p, e.maxCellVoltageRaw(), x, "MaxBatteryVoltage");
        c.num(p, e.minVoltageSubsystem(), x, "MinVoltageBatterySubsysNo");
        c.num(p, e.minVoltageCell(), x, "MinVoltageBatteryCode");
        c.num(p, e.minCellVoltageRaw(), x, "MinBatteryVoltage");
        c.num(p, e.maxTempSubsystem(), x, "MaxTempSubsysNo");
        c.num(p, e.maxTempProbe(), x, "MaxTempProbeNo");
        c.num(p, e.maxTempRaw(), x, "MaxTemp");
        c.num(p, e.minTempSubsystem(), x, "MinTempSubsysNo");
        c.num(p, e.minTempProbe(), x, "MinTempProbeNo");
        c.num(p, e.minTempRaw(), x, "MinTemp");
    }

    private static void alarm(Check c, String p, Alarm a, JsonNode x) {
        c.num(p, a.maxLevel(), x, "MaxAlarmLevel");
        c.num(p, a.flags(), x, "GeneralAlarmFlag");
        faults(c, p + ".FaultChargeableDevice", a.storageFaults(), x, "FaultChargeableDeviceNum", "FaultChargeableDeviceList");
        faults(c, p + ".FaultDriveMotor", a.motorFaults(), x, "FaultDriveMotorNum", "FaultDriveMotorList");
        faults(c, p + ".FaultEngine", a.engineFaults(), x, "FaultEngineNum", "FaultEngineList");
        faults(c, p + ".FaultOthers", a.otherFaults(), x, "FaultOthersNum", "FaultOthersList");
        if (a instanceof Alarm2025 a25) {
            JsonNode general = x.get("FaultGeneralList");
            c.num(p, a25.flagLevels().size(), x, "FaultGeneralNum");
            c.eq(p + ".FaultGeneralList size", a25.flagLevels().size(), general.size());
            for (int i = 0; i < Math.min(general.size(), a25.flagLevels().size()); i++) {
                c.num(p + ".FaultGeneralList[" + i + "]", a25.flagLevels().get(i).flagBit(), general.get(i), "No");
                c.num(p + ".FaultGeneralList[" + i + "]", a25.flagLevels().get(i).level(), general.get(i), "Level");
            }
        }
    }

    /** Codes as numbers (EMQX's "007B" is DWORD 0x0000007B); our hex form has all 8 digits. */
    private static void faults(Check c, String p, FaultCodes f, JsonNode x, String numKey, String listKey) {
        c.num(p + "Num", f.count(), x, numKey);
        JsonNode list = x.get(listKey);
        List<Long> expected = new ArrayList<>();
        for (JsonNode n : list.values()) {
            expected.add(Long.parseLong(n.asString(), 16));
        }
        List<Long> actual = new ArrayList<>();
        for (int i = 0; i < f.codes().size(); i++) {
            actual.add(f.codes().get(i));
        }
        c.eq(p + "List", actual, expected);
        for (String h : f.hex()) {
            c.eq(p + "List hex digits", h.length(), 8);
        }
    }

    private static void voltages2016(Check c, String p, CellVoltages2016 v, JsonNode x) {
        c.num(p, v.packs().size(), x, "Number");
        JsonNode subs = x.get("SubSystems");
        c.eq(p + ".SubSystems size", v.packs().size(), subs.size());
        for (int i = 0; i < Math.min(subs.size(), v.packs().size()); i++) {
            CellVoltages2016.Subsystem s = v.packs().get(i);
            JsonNode o = subs.get(i);
            String q = p + ".SubSystems[" + i + "]";
            c.num(q, s.number(), o, "ChargeableSubsysNo");
            c.num(q, s.voltageRaw(), o, "ChargeableVoltage");
            c.num(q, s.currentRaw(), o, "ChargeableCurrent");
            c.num(q, s.totalCells(), o, "CellsTotal");
            c.num(q, s.startCell(), o, "FrameCellsIndex");
            c.num(q, s.cellVoltagesRaw().size(), o, "FrameCellsCount");
            c.eq(q + ".CellsVoltage", list(s.cellVoltagesRaw()), Check.ints(o.get("CellsVoltage")));
        }
    }

    private static void voltages2025(Check c, String p, CellVoltages2025 v, JsonNode x) {
        c.num(p, v.packs().size(), x, "Number");
        JsonNode subs = x.get("SubSystems");
        c.eq(p + ".SubSystems size", v.packs().size(), subs.size());
        for (int i = 0; i < Math.min(subs.size(), v.packs().size()); i++) {
            CellVoltages2025.Pack s = v.packs().get(i);
            JsonNode o = subs.get(i);
            String q = p + ".SubSystems[" + i + "]";
            c.num(q, s.number(), o, "BatteryPackNo");
            c.num(q, s.voltageRaw(), o, "BatteryPackVoltage");
            c.num(q, s.currentRaw(), o, "BatteryPackCurrent");
            c.num(q, s.cellVoltagesRaw().size(), o, "MinParallelUnitTotal");
            c.eq(q + ".MinParallelUnitVoltage", list(s.cellVoltagesRaw()), Check.ints(o.get("MinParallelUnitVoltage")));
        }
    }

    private static void temperatures(Check c, String p, ProbeTemperatures t, JsonNode x) {
        c.num(p, t.groups().size(), x, "Number");
        JsonNode subs = x.get("SubSystems");
        c.eq(p + ".SubSystems size", t.groups().size(), subs.size());
        for (int i = 0; i < Math.min(subs.size(), t.groups().size()); i++) {
            ProbeTemperatures.Group g = t.groups().get(i);
            JsonNode o = subs.get(i);
            String q = p + ".SubSystems[" + i + "]";
            c.num(q, g.number(), o, o.has("ChargeableSubsysNo") ? "ChargeableSubsysNo" : "BatteryPackNo");
            c.num(q, g.probeCount(), o, "ProbeNum");
            c.eq(q + ".ProbesTemp", list(g.temperaturesRaw()), Check.ints(o.get("ProbesTemp")));
        }
    }

    private static void stacks(Check c, String p, FuelCellStacks f, JsonNode x) {
        c.num(p, f.stacks().size(), x, "Number");
        JsonNode list = x.get("Stacks");
        c.eq(p + ".Stacks size", f.stacks().size(), list.size());
        for (int i = 0; i < Math.min(list.size(), f.stacks().size()); i++) {
            FuelCellStacks.Stack s = f.stacks().get(i);
            JsonNode o = list.get(i);
            String q = p + ".Stacks[" + i + "]";
            c.num(q, s.number(), o, "FuelCellStackNo");
            c.num(q, s.voltageRaw(), o, "Voltage");
            c.num(q, s.currentRaw(), o, "Current");
            c.num(q, s.h2InletPressureRaw(), o, "H2InletPressure");
            c.num(q, s.airInletPressureRaw(), o, "AirInletPressure");
            c.num(q, s.airInletTempRaw(), o, "AirInletTemp");
            c.num(q, s.coolantOutletTempsRaw().length(), o, "StackProbeNum");
            c.eq(q + ".StackProbeTemp", list(s.coolantOutletTempsRaw()), Check.ints(o.get("StackProbeTemp")));
        }
    }

    private static void superCapacitor(Check c, String p, SuperCapacitor s, JsonNode x) {
        c.num(p, s.systemNumber(), x, "ManagerSysNo");
        c.num(p, s.voltageRaw(), x, "TotalVoltage");
        c.num(p, s.currentRaw(), x, "TotalCurrent");
        c.num(p, s.cellVoltagesRaw().size(), x, "CellsTotal");
        c.eq(p + ".CellsVoltage", list(s.cellVoltagesRaw()), Check.ints(x.get("CellsVoltage")));
        c.num(p, s.probeTempsRaw().length(), x, "ProbeNum");
        c.eq(p + ".ProbeTemp", list(s.probeTempsRaw()), Check.ints(x.get("ProbeTemp")));
    }

    private static void superCapacitorExtremes(Check c, String p, SuperCapacitorExtremes s, JsonNode x) {
        c.num(p, s.maxVoltageSystem(), x, "MaxVoltageManagerSysNo");
        c.num(p, s.maxVoltageCell(), x, "MaxVoltageCellCode");
        c.num(p, s.maxCellVoltageRaw(), x, "MaxVoltageCellValue");
        c.num(p, s.minVoltageSystem(), x, "MinVoltageManagerSysNo");
        c.num(p, s.minVoltageCell(), x, "MinVoltageCellCode");
        c.num(p, s.minCellVoltageRaw(), x, "MinVoltageCellValue");
        c.num(p, s.maxTempSystem(), x, "MaxTempManagerSysNo");
        c.num(p, s.maxTempProbe(), x, "MaxTempProbeCode");
        c.num(p, s.maxTempRaw(), x, "MaxTempValue");
        c.num(p, s.minTempSystem(), x, "MinTempManagerSysNo");
        c.num(p, s.minTempProbe(), x, "MinTempProbeCode");
        c.num(p, s.minTempRaw(), x, "MinTempValue");
    }

    /**
     * case20: an 0x80 item whose first two bytes (0x0230 = 560) are no valid WORD length for the
     * 9 bytes left. EMQX dumps the remainder ("80 02 30..."); we keep the same bytes as an
     * {@link OpaqueRemainder} of type 0x80 (PROTOCOL.md §5.2/§8.7), so the frame round-trips.
     */
    private static void custom(Check c, String p, InfoUnit unit, JsonNode x) {
        String d = x.get("Data").asString();
        String hex = d.substring("base64 of ".length(), d.indexOf('(')).trim();
        Bytes dumped = EmqxExpectations.hexBytes(hex);
        c.eq(p + " kept opaque", unit instanceof OpaqueRemainder, true);
        if (unit instanceof OpaqueRemainder o) {
            c.eq(p + " type", o.type(), dumped.get(0));
            c.eq(p + " data", o.data(), Bytes.of(dumped.toByteArray(), 1, dumped.length() - 1));
        }
    }

    private static List<Integer> list(Bytes b) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < b.length(); i++) {
            out.add(b.get(i));
        }
        return out;
    }

    private static List<Integer> list(WordArray w) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            out.add(w.get(i));
        }
        return out;
    }
}
