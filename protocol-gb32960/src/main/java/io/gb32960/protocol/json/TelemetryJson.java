package io.gb32960.protocol.json;

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
import io.gb32960.protocol.unit.FuelCell;
import io.gb32960.protocol.unit.FuelCell2016;
import io.gb32960.protocol.unit.FuelCell2025;
import io.gb32960.protocol.unit.FuelCellStacks;
import io.gb32960.protocol.unit.Gear;
import io.gb32960.protocol.unit.InfoUnit;
import io.gb32960.protocol.unit.OpaqueRemainder;
import io.gb32960.protocol.unit.Position;
import io.gb32960.protocol.unit.Position2025;
import io.gb32960.protocol.unit.ProbeTemperatures;
import io.gb32960.protocol.unit.SuperCapacitor;
import io.gb32960.protocol.unit.SuperCapacitorExtremes;
import io.gb32960.protocol.unit.UserDefinedUnit;
import io.gb32960.protocol.unit.VehicleData;
import io.gb32960.protocol.unit.VehicleData2016;
import io.gb32960.protocol.value.Scale;
import io.gb32960.protocol.value.WordArray;
import io.gb32960.protocol.wire.Bytes;

import java.util.List;

/** Writes the info items of a realtime/reissue report; field by field in docs/telemetry-json.md. */
final class TelemetryJson {

    private TelemetryJson() {
    }

    /** The JSON key of an item kind; a second item of the same kind goes to {@code duplicateUnits}. */
    static String keyOf(InfoUnit u) {
        if (u instanceof VehicleData) {
            return "vehicle";
        } else if (u instanceof DriveMotors) {
            return "motors";
        } else if (u instanceof FuelCell) {
            return "fuelCell";
        } else if (u instanceof Engine) {
            return "engine";
        } else if (u instanceof Position) {
            return "position";
        } else if (u instanceof Extremes2016) {
            return "extremes";
        } else if (u instanceof Alarm) {
            return "alarms";
        } else if (u instanceof CellVoltages) {
            return "cellVoltages";
        } else if (u instanceof ProbeTemperatures) {
            return "probeTemperatures";
        } else if (u instanceof FuelCellStacks) {
            return "fuelCellStacks";
        } else if (u instanceof SuperCapacitor) {
            return "superCapacitor";
        } else if (u instanceof SuperCapacitorExtremes) {
            return "superCapacitorExtremes";
        } else if (u instanceof UserDefinedUnit) {
            return "userDefined";
        }
        return "opaque";
    }

    static void write(JsonOut o, String key, InfoUnit u) {
        if (u instanceof VehicleData v) {
            vehicle(o, key, v);
        } else if (u instanceof DriveMotors m) {
            motors(o, key, m);
        } else if (u instanceof FuelCell2016 f) {
            fuelCell2016(o, key, f);
        } else if (u instanceof FuelCell2025 f) {
            fuelCell2025(o, key, f);
        } else if (u instanceof Engine e) {
            engine(o, key, e);
        } else if (u instanceof Position p) {
            position(o, key, p);
        } else if (u instanceof Extremes2016 x) {
            extremes(o, key, x);
        } else if (u instanceof Alarm a) {
            alarms(o, key, a);
        } else if (u instanceof CellVoltages c) {
            cellVoltages(o, key, c);
        } else if (u instanceof ProbeTemperatures t) {
            probes(o, key, t);
        } else if (u instanceof FuelCellStacks s) {
            stacks(o, key, s);
        } else if (u instanceof SuperCapacitor s) {
            superCapacitor(o, key, s);
        } else if (u instanceof SuperCapacitorExtremes s) {
            superCapacitorExtremes(o, key, s);
        } else if (u instanceof OpaqueRemainder r) {
            o.startObject(key);
            o.number("type", r.type());
            o.string("hex", r.data().toHex());
            o.endObject();
        }
    }

    static void userDefined(JsonOut o, List<UserDefinedUnit> units) {
        o.startArray("userDefined");
        for (int i = 0; i < units.size(); i++) {
            o.startObjectAt(i);
            o.number("type", units.get(i).type());
            o.string("hex", units.get(i).data().toHex());
            o.endObject();
        }
        o.endArray();
    }

    private static void vehicle(JsonOut o, String key, VehicleData v) {
        o.startObject(key);
        o.number("state", v.vehicleState());
        o.number("chargingState", v.chargingState());
        o.number("runMode", v.runMode());
        o.quantity("speedKmh", v.speedKmh());
        o.quantity("odometerKm", v.odometerKm());
        o.quantity("totalVoltageV", v.totalVoltageV());
        o.quantity("totalCurrentA", v.totalCurrentA());
        o.quantity("socPercent", v.socPercent());
        o.number("dcdcState", v.dcdcState());
        gear(o, v.gearInfo());
        o.quantity("insulationKohm", v.insulationKohm());
        if (v instanceof VehicleData2016 v16) {
            o.quantity("acceleratorPedalPercent", v16.acceleratorPedalPercent());
            o.quantity("brakePedalPercent", v16.brakePedalPercent());
        }
        o.endObject();
    }

    private static void gear(JsonOut o, Gear gear) {
        o.startObject("gear");
        o.number("raw", gear.raw());
        o.string("gear", gear.gearName());
        o.bool("drivingForce", gear.drivingForce());
        o.bool("brakingForce", gear.brakingForce());
        o.bool("invalid", gear.invalidFlag());
        o.endObject();
    }

    private static void motors(JsonOut o, String key, DriveMotors m) {
        o.startArray(key);
        List<? extends DriveMotor> motors = m.motors();
        for (int i = 0; i < motors.size(); i++) {
            DriveMotor d = motors.get(i);
            o.startObjectAt(i);
            o.number("sequence", d.sequence());
            o.number("state", d.state());
            o.quantity("controllerTempC", d.controllerTempC());
            o.quantity("speedRpm", d.speedRpm());
            o.quantity("torqueNm", d.torqueNm());
            o.quantity("motorTempC", d.motorTempC());
            if (d instanceof DriveMotor2016 d16) {
                o.quantity("controllerVoltageV", d16.controllerVoltageV());
                o.quantity("controllerCurrentA", d16.controllerCurrentA());
            }
            o.endObject();
        }
        o.endArray();
    }

    private static void fuelCell2016(JsonOut o, String key, FuelCell2016 f) {
        o.startObject(key);
        o.quantity("voltageV", f.voltageV());
        o.quantity("currentA", f.currentA());
        o.quantity("consumptionKgPer100Km", f.consumptionKgPer100Km());
        temperatures(o, "probeTemperaturesC", f.probeTempsRaw());
        o.quantity("h2MaxTempC", f.h2MaxTempC());
        o.number("h2MaxTempProbe", f.h2MaxTempProbe());
        o.quantity("h2MaxConcentrationMgPerKg", f.h2MaxConcentrationMgPerKg());
        o.number("h2ConcentrationSensor", f.h2ConcentrationSensor());
        o.quantity("h2MaxPressureMpa", f.h2MaxPressureMpa());
        o.number("h2PressureSensor", f.h2PressureSensor());
        o.number("dcdcState", f.dcdcState());
        o.endObject();
    }

    private static void fuelCell2025(JsonOut o, String key, FuelCell2025 f) {
        o.startObject(key);
        o.quantity("h2MaxTempC", f.h2MaxTempC());
        o.number("h2MaxTempProbe", f.h2MaxTempProbe());
        o.quantity("h2MaxConcentrationPercent", f.h2MaxConcentrationPercent());
        o.number("h2ConcentrationSensor", f.h2ConcentrationSensor());
        o.quantity("h2MaxPressureMpa", f.h2MaxPressureMpa());
        o.number("h2PressureSensor", f.h2PressureSensor());
        o.number("dcdcState", f.dcdcState());
        o.quantity("h2RemainingPercent", f.h2RemainingPercentValue());
        o.quantity("dcdcTempC", f.dcdcTempC());
        o.endObject();
    }

    private static void engine(JsonOut o, String key, Engine e) {
        o.startObject(key);
        if (e instanceof Engine2016 e16) {
            o.number("state", e16.state());
        }
        o.quantity("crankshaftSpeedRpm", e.crankshaftSpeedRpm());
        if (e instanceof Engine2016 e16) {
            o.quantity("fuelConsumptionLPer100Km", e16.fuelConsumptionLPer100Km());
        }
        o.endObject();
    }

    private static void position(JsonOut o, String key, Position p) {
        o.startObject(key);
        o.bool("valid", p.valid());
        o.number("status", p.status());
        o.quantity("longitude", p.longitude());
        o.quantity("latitude", p.latitude());
        if (p instanceof Position2025 p25) {
            o.string("coordinateSystem", p25.coordinateSystemName());
        }
        o.endObject();
    }

    private static void extremes(JsonOut o, String key, Extremes2016 x) {
        o.startObject(key);
        o.number("maxVoltageSubsystem", x.maxVoltageSubsystem());
        o.number("maxVoltageCell", x.maxVoltageCell());
        o.quantity("maxCellVoltageV", x.maxCellVoltageV());
        o.number("minVoltageSubsystem", x.minVoltageSubsystem());
        o.number("minVoltageCell", x.minVoltageCell());
        o.quantity("minCellVoltageV", x.minCellVoltageV());
        o.number("maxTempSubsystem", x.maxTempSubsystem());
        o.number("maxTempProbe", x.maxTempProbe());
        o.quantity("maxTempC", x.maxTempC());
        o.number("minTempSubsystem", x.minTempSubsystem());
        o.number("minTempProbe", x.minTempProbe());
        o.quantity("minTempC", x.minTempC());
        o.endObject();
    }

    private static void alarms(JsonOut o, String key, Alarm a) {
        o.startObject(key);
        o.number("maxLevel", a.maxLevel());
        o.number("flagBits", a.flags());
        o.stringArray("flags", a.flagNames());
        faults(o, "storageFaultCodes", a.storageFaults());
        faults(o, "motorFaultCodes", a.motorFaults());
        faults(o, "engineFaultCodes", a.engineFaults());
        faults(o, "otherFaultCodes", a.otherFaults());
        if (a instanceof Alarm2025 a25) {
            o.startArray("flagLevels");
            for (int i = 0; i < a25.flagLevels().size(); i++) {
                Alarm2025.FlagLevel l = a25.flagLevels().get(i);
                o.startObjectAt(i);
                o.number("bit", l.flagBit());
                o.string("flag", Alarm2025.flagName(l.flagBit()));
                o.number("level", l.level());
                o.endObject();
            }
            o.endArray();
        }
        o.endObject();
    }

    private static void faults(JsonOut o, String name, FaultCodes f) {
        o.stringArray(name, List.of(f.hex()));
    }

    private static void cellVoltages(JsonOut o, String key, CellVoltages c) {
        o.startArray(key);
        for (int i = 0; i < c.packs().size(); i++) {
            CellVoltages.Pack p = c.packs().get(i);
            o.startObjectAt(i);
            o.number("number", p.number());
            o.quantity("voltageV", p.voltageV());
            o.quantity("currentA", p.currentA());
            if (p instanceof CellVoltages2016.Subsystem s) {
                o.number("totalCells", s.totalCells());
                o.number("startCell", s.startCell());
            }
            volts(o, "voltagesV", p.cellVoltagesRaw());
            o.endObject();
        }
        o.endArray();
    }

    private static void volts(JsonOut o, String name, WordArray raw) {
        o.startArray(name);
        for (int i = 0; i < raw.size(); i++) {
            o.quantityAt(i, Scale.ofWord(raw.get(i), 0.001, 0));
        }
        o.endArray();
    }

    private static void temperatures(JsonOut o, String name, Bytes raw) {
        o.startArray(name);
        for (int i = 0; i < raw.length(); i++) {
            o.quantityAt(i, Scale.ofByte(raw.get(i), 1, -40));
        }
        o.endArray();
    }

    private static void probes(JsonOut o, String key, ProbeTemperatures t) {
        o.startArray(key);
        for (int i = 0; i < t.groups().size(); i++) {
            ProbeTemperatures.Group g = t.groups().get(i);
            o.startObjectAt(i);
            o.number("number", g.number());
            temperatures(o, "temperaturesC", g.temperaturesRaw());
            o.endObject();
        }
        o.endArray();
    }

    private static void stacks(JsonOut o, String key, FuelCellStacks s) {
        o.startArray(key);
        for (int i = 0; i < s.stacks().size(); i++) {
            FuelCellStacks.Stack st = s.stacks().get(i);
            o.startObjectAt(i);
            o.number("number", st.number());
            o.quantity("voltageV", st.voltageV());
            o.quantity("currentA", st.currentA());
            o.quantity("h2InletPressureKpa", st.h2InletPressureKpa());
            o.quantity("airInletPressureKpa", st.airInletPressureKpa());
            o.quantity("airInletTempC", st.airInletTempC());
            temperatures(o, "coolantOutletTempsC", st.coolantOutletTempsRaw());
            o.endObject();
        }
        o.endArray();
    }

    private static void superCapacitor(JsonOut o, String key, SuperCapacitor s) {
        o.startObject(key);
        o.number("systemNumber", s.systemNumber());
        o.quantity("voltageV", s.voltageV());
        o.quantity("currentA", s.currentA());
        volts(o, "cellVoltagesV", s.cellVoltagesRaw());
        temperatures(o, "probeTemperaturesC", s.probeTempsRaw());
        o.endObject();
    }

    private static void superCapacitorExtremes(JsonOut o, String key, SuperCapacitorExtremes s) {
        o.startObject(key);
        o.number("maxVoltageSystem", s.maxVoltageSystem());
        o.number("maxVoltageCell", s.maxVoltageCell());
        o.quantity("maxCellVoltageV", s.maxCellVoltageV());
        o.number("minVoltageSystem", s.minVoltageSystem());
        o.number("minVoltageCell", s.minVoltageCell());
        o.quantity("minCellVoltageV", s.minCellVoltageV());
        o.number("maxTempSystem", s.maxTempSystem());
        o.number("maxTempProbe", s.maxTempProbe());
        o.quantity("maxTempC", s.maxTempC());
        o.number("minTempSystem", s.minTempSystem());
        o.number("minTempProbe", s.minTempProbe());
        o.quantity("minTempC", s.minTempC());
        o.endObject();
    }

}
