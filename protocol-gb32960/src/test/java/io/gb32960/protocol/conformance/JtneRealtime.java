package io.gb32960.protocol.conformance;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.Response;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.unit.Alarm2016;
import io.gb32960.protocol.unit.CellVoltages2016;
import io.gb32960.protocol.unit.DriveMotor2016;
import io.gb32960.protocol.unit.DriveMotors;
import io.gb32960.protocol.unit.Engine2016;
import io.gb32960.protocol.unit.Extremes2016;
import io.gb32960.protocol.unit.FaultCodes;
import io.gb32960.protocol.unit.FuelCell2016;
import io.gb32960.protocol.unit.OpaqueRemainder;
import io.gb32960.protocol.unit.Position2016;
import io.gb32960.protocol.unit.ProbeTemperatures;
import io.gb32960.protocol.unit.VehicleData2016;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JTNewEnergy's realtime (0x02) vectors, which omit the mandatory 6-byte collection time (a
 * library bug, PROTOCOL.md §8.5) and carry response flag 0x01 on an uplink report.
 *
 * <p>What a correct decoder does with them, and what we assert:
 * <ol>
 *   <li>Flag 0x01 ≠ 0xFE makes the frame a response (§4.2): {@link Response} whose "time" is the
 *       first six bytes (01 04 05 07 00 3A = 2001-04-05 07:00:58) and whose echo is the rest; it
 *       round-trips.</li>
 *   <li>Read as a report (flag 0xFE), those bytes are the time and the next byte, 0x00, is no
 *       info type, so the rest is kept as an {@link OpaqueRemainder} (the note: "reads ... as time
 *       2001-04-05 07:00:58 and then fails on info type 0x00").</li>
 *   <li>All-9 device variant only: with a 6-byte time inserted, the body is a per-info-unit
 *       reference (the note says so), and every raw value the source asserts is compared.</li>
 * </ol>
 */
final class JtneRealtime {

    private static final DataTime INSERTED_TIME = DataTime.of(2019, 1, 22, 23, 55, 56);

    private JtneRealtime() {
    }

    static void verify(CorpusEntry e) {
        assertThat(e.malformed()).isTrue();
        Gb32960Message m = FrameChecks.decodeFrame(e, FrameChecks.UPLINK);
        assertThat(m).isInstanceOf(Response.class);
        Response r = (Response) m;
        assertThat(r.header().command()).isEqualTo(CommandId.REALTIME_REPORT.id());
        assertThat(r.header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
        assertThat(r.time()).isEqualTo(DataTime.of(2001, 4, 5, 7, 0, 58));
        assertThat(r.echo().length()).isEqualTo(e.bytes().length - 25 - 6);

        byte[] unit = Arrays.copyOfRange(e.bytes(), 24, e.bytes().length - 1);
        Gb32960Message asReport = FrameChecks.UPLINK.decodeDataUnit(
                r.header().withResponseFlag(ResponseFlag.COMMAND), unit, 0, unit.length);
        assertThat(asReport).isInstanceOf(TelemetryReport.class);
        TelemetryReport report = (TelemetryReport) asReport;
        assertThat(report.time()).isEqualTo(DataTime.of(2001, 4, 5, 7, 0, 58));
        assertThat(report.units()).hasSize(1);
        assertThat(report.units().get(0)).isInstanceOf(OpaqueRemainder.class);
        OpaqueRemainder rest = (OpaqueRemainder) report.units().get(0);
        assertThat(rest.type()).isZero();
        assertThat(rest.data()).isEqualTo(Bytes.of(unit, 7, unit.length - 7));

        if (e.id().endsWith("all9")) {
            bodyReference(e, unit);
        } else {
            assertThat(e.expected().get("note").asString()).contains("18 bytes");
        }
    }

    private static void bodyReference(CorpusEntry e, byte[] unit) {
        byte[] withTime = new byte[unit.length + 6];
        long t = INSERTED_TIME.raw();
        for (int i = 0; i < 6; i++) {
            withTime[i] = (byte) (t >>> (40 - 8 * i));
        }
        System.arraycopy(unit, 0, withTime, 6, unit.length);
        byte[] frame = FrameChecks.frame(Edition.V2016, CommandId.REALTIME_REPORT.id(), ResponseFlag.COMMAND,
                JtneExpectations.VIN, withTime);
        TelemetryReport r = (TelemetryReport) FrameChecks.decodeFrame(frame, FrameChecks.UPLINK);
        assertThat(r.units()).hasSize(9);
        JsonNode x = e.expected();
        Check c = new Check();

        VehicleData2016 v = r.unit(VehicleData2016.class);
        JsonNode xv = x.get("0x01");
        c.num("0x01.CarStatus", v.vehicleState(), xv, "CarStatus");
        c.num("0x01.ChargeStatus", v.chargingState(), xv, "ChargeStatus");
        c.num("0x01.OperationMode", v.runMode(), xv, "OperationMode");
        c.num("0x01.Speed", v.speedRaw(), xv, "Speed");
        c.num("0x01.TotalDis", v.odometerRaw(), xv, "TotalDis");
        c.num("0x01.TotalVoltage", v.totalVoltageRaw(), xv, "TotalVoltage");
        c.num("0x01.TotalTemp", v.totalCurrentRaw(), xv, "TotalTemp(=total current raw)");
        c.num("0x01.SOC", v.soc(), xv, "SOC");
        c.num("0x01.DCStatus", v.dcdcState(), xv, "DCStatus");
        c.num("0x01.Stall", v.gear(), xv, "Stall(gear)");
        c.num("0x01.Resistance", v.insulationRaw(), xv, "Resistance");
        c.num("0x01.Accelerator", v.acceleratorPedal(), xv, "Accelerator");
        c.num("0x01.Brakes", v.brakePedal(), xv, "Brakes");

        DriveMotors motors = r.unit(DriveMotors.class);
        JsonNode xm = x.get("0x02");
        c.eq("0x02 count", motors.count(), xm.size());
        for (int i = 0; i < Math.min(xm.size(), motors.motors().size()); i++) {
            DriveMotor2016 d = (DriveMotor2016) motors.motors().get(i);
            JsonNode o = xm.get(i);
            String p = "0x02[" + i + "]";
            c.num(p, d.sequence(), o, "ElNo");
            c.num(p, d.state(), o, "ElStatus");
            c.num(p, d.controllerTempRaw(), o, "ElControlTemp");
            c.num(p, d.speedRaw(), o, "ElSpeed");
            c.num(p, d.torqueRaw(), o, "ElTorque");
            c.num(p, d.motorTempRaw(), o, "ElTemp");
            c.num(p, d.controllerVoltageRaw(), o, "ElVoltage");
            c.num(p, d.controllerCurrentRaw(), o, "ElCurrent");
        }

        FuelCell2016 f = r.unit(FuelCell2016.class);
        JsonNode xf = x.get("0x03");
        c.num("0x03", f.voltageRaw(), xf, "FuelBatteryVoltage");
        c.num("0x03", f.currentRaw(), xf, "FuelBatteryCurrent");
        c.num("0x03", f.consumptionRaw(), xf, "FuelConsumptionRate");
        c.eq("0x03.Temperatures", bytes(f.probeTempsRaw()), Check.ints(xf.get("Temperatures")));
        c.num("0x03", f.h2MaxTempRaw(), xf, "HydrogenSystemMaxTemp");
        c.num("0x03", f.h2MaxTempProbe(), xf, "HydrogenSystemMaxTempNo");
        c.num("0x03", f.h2MaxConcentrationRaw(), xf, "HydrogenSystemMaxConcentrations");
        c.num("0x03", f.h2ConcentrationSensor(), xf, "HydrogenSystemMaxConcentrationsNo");
        c.num("0x03", f.h2MaxPressureRaw(), xf, "HydrogenSystemMaxPressure");
        c.num("0x03", f.h2PressureSensor(), xf, "HydrogenSystemMaxPressureNo");
        c.num("0x03", f.dcdcState(), xf, "DCStatus");

        Engine2016 g = r.unit(Engine2016.class);
        JsonNode xg = x.get("0x04");
        c.num("0x04", g.state(), xg, "EngineStatus");
        c.num("0x04", g.crankshaftSpeedRaw(), xg, "Revs");
        c.num("0x04", g.fuelConsumptionRaw(), xg, "FuelRate");

        Position2016 pos = r.unit(Position2016.class);
        JsonNode xp = x.get("0x05");
        c.num("0x05", pos.status(), xp, "PositioStatus");
        c.num("0x05", pos.longitudeRaw(), xp, "Lng");
        c.num("0x05", pos.latitudeRaw(), xp, "Lat");

        Extremes2016 ex = r.unit(Extremes2016.class);
        JsonNode xe = x.get("0x06");
        c.num("0x06", ex.maxVoltageSubsystem(), xe, "MaxVoltageBatteryAssemblyNo");
        c.num("0x06", ex.maxVoltageCell(), xe, "MaxVoltageSingleBatteryNo");
        c.num("0x06", ex.maxCellVoltageRaw(), xe, "MaxVoltageSingleBatteryValue");
        c.num("0x06", ex.minVoltageSubsystem(), xe, "MinVoltageBatteryAssemblyNo");
        c.num("0x06", ex.minVoltageCell(), xe, "MinVoltageSingleBatteryNo");
        c.num("0x06", ex.minCellVoltageRaw(), xe, "MinVoltageSingleBatteryValue");
        // Source bug (JTNE_0x02_0x06_Device_Formatter @16c058c): the library reads and writes the
        // probe number BEFORE the subsystem number for both temperature extremes. Table 16 (PROTOCOL.md
        // §5.8; EMQX and 36node agree) puts the subsystem number first, so the library's "probe"
        // field holds the wire's subsystem number and vice versa. We follow the standard.
        c.num("0x06 max-temp subsystem (source: MaxTempProbeBatteryNo, swapped)", ex.maxTempSubsystem(), xe.get("MaxTempProbeBatteryNo"));
        c.num("0x06 max-temp probe (source: MaxTempBatteryAssemblyNo, swapped)", ex.maxTempProbe(), xe.get("MaxTempBatteryAssemblyNo"));
        c.num("0x06", ex.maxTempRaw(), xe, "MaxTempProbeBatteryValue");
        c.num("0x06 min-temp subsystem (source: MinTempProbeBatteryNo, swapped)", ex.minTempSubsystem(), xe.get("MinTempProbeBatteryNo"));
        c.num("0x06 min-temp probe (source: MinTempBatteryAssemblyNo, swapped)", ex.minTempProbe(), xe.get("MinTempBatteryAssemblyNo"));
        c.num("0x06", ex.minTempRaw(), xe, "MinTempProbeBatteryValue");

        Alarm2016 a = r.unit(Alarm2016.class);
        JsonNode xa = x.get("0x07");
        c.num("0x07", a.maxLevel(), xa, "AlarmLevel");
        c.num("0x07", a.flags(), xa, "AlarmBatteryFlag");
        c.eq("0x07.N1", codes(a.storageFaults()), longs(xa.get("AlarmBatteryOthers(N1 codes)")));
        c.eq("0x07.N2", codes(a.motorFaults()), longs(xa.get("AlarmEls(N2)")));
        c.eq("0x07.N3", codes(a.engineFaults()), longs(xa.get("AlarmEngines(N3)")));
        c.eq("0x07.N4", codes(a.otherFaults()), longs(xa.get("AlarmOthers(N4)")));

        CellVoltages2016 cv = r.unit(CellVoltages2016.class);
        JsonNode xc = x.get("0x08");
        c.eq("0x08 count", cv.packs().size(), xc.size());
        for (int i = 0; i < Math.min(xc.size(), cv.packs().size()); i++) {
            CellVoltages2016.Subsystem s = cv.packs().get(i);
            JsonNode o = xc.get(i);
            String p = "0x08[" + i + "]";
            c.num(p, s.number(), o, "No");
            c.num(p, s.voltageRaw(), o, "Voltage");
            c.num(p, s.currentRaw(), o, "Current");
            c.num(p, s.totalCells(), o, "SingleBatteryCount");
            c.num(p, s.startCell(), o, "ThisSingleBatteryBeginNo");
            c.num(p, s.cellVoltagesRaw().size(), o, "ThisFrameCount");
            List<Integer> cells = new ArrayList<>();
            for (int k = 0; k < s.cellVoltagesRaw().size(); k++) {
                cells.add(s.cellVoltagesRaw().get(k));
            }
            c.eq(p + ".SingleBatteryVoltages", cells, Check.ints(o.get("SingleBatteryVoltages")));
        }

        ProbeTemperatures pt = r.unit(ProbeTemperatures.class);
        JsonNode xt = x.get("0x09");
        c.eq("0x09 count", pt.groups().size(), xt.size());
        for (int i = 0; i < Math.min(xt.size(), pt.groups().size()); i++) {
            ProbeTemperatures.Group gr = pt.groups().get(i);
            JsonNode o = xt.get(i);
            String p = "0x09[" + i + "]";
            c.num(p, gr.number(), o, "No");
            c.num(p, gr.probeCount(), o, "TemperatureProbeCount");
            c.eq(p + ".Temperatures", bytes(gr.temperaturesRaw()), Check.ints(o.get("Temperatures")));
        }
        c.done(70);
    }

    private static List<Integer> bytes(Bytes b) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < b.length(); i++) {
            out.add(b.get(i));
        }
        return out;
    }

    private static List<Long> codes(FaultCodes f) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < f.codes().size(); i++) {
            out.add(f.codes().get(i));
        }
        return out;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        for (JsonNode n : array.values()) {
            out.add(Check.longOf(n));
        }
        return out;
    }
}
