package io.gb32960.simulator.sim;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.message.Heartbeat;
import io.gb32960.protocol.message.SubsystemCodes;
import io.gb32960.protocol.message.PackCodes;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.TimeCalibration;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.message.VehicleLogout;
import io.gb32960.protocol.unit.Alarm2016;
import io.gb32960.protocol.unit.Alarm2025;
import io.gb32960.protocol.unit.CellVoltages2016;
import io.gb32960.protocol.unit.CellVoltages2025;
import io.gb32960.protocol.unit.DriveMotors;
import io.gb32960.protocol.unit.Extremes2016;
import io.gb32960.protocol.unit.Position;
import io.gb32960.protocol.unit.Position2016;
import io.gb32960.protocol.unit.Position2025;
import io.gb32960.protocol.unit.ProbeTemperatures;
import io.gb32960.protocol.unit.VehicleData;
import io.gb32960.protocol.unit.VehicleData2016;
import io.gb32960.protocol.unit.VehicleData2025;
import io.gb32960.protocol.value.WordArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Fifty terminals against {@link FakePlatform}: login, realtime values, heartbeat, time calibration, summary. */
class SimulationTest {

    private static final int VEHICLES = 50;

    private FakePlatform platform;
    private Simulation sim;

    @BeforeEach
    void startPlatform() throws InterruptedException {
        platform = new FakePlatform();
    }

    @AfterEach
    void stopAll() {
        if (sim != null) {
            sim.stop();
        }
        platform.close();
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void everyVehicleLogsInAndReportsChangingValues(Edition edition) {
        sim = new Simulation(SimulationConfig.builder().port(platform.port()).edition(edition).vehicles(VEHICLES)
                .interval(Duration.ofMillis(100)).heartbeat(Duration.ofMillis(150)).timeScale(300)
                .alarmProbability(0.05).build());
        sim.start();
        List<String> vins = IntStream.rangeClosed(1, VEHICLES).mapToObj(i -> String.format("LGB32960SIM%06d", i)).toList();

        await().atMost(Duration.ofSeconds(90)).until(() -> vins.stream().allMatch(v -> realtime(v).size() >= 10
                && !platform.messages(v, Heartbeat.class).isEmpty()));
        sim.stop();
        SimulationSummary summary = sim.summary();
        await().atMost(Duration.ofSeconds(60)).until(() -> platform.realtimeCount()
                == summary.framesSent(CommandId.REALTIME_REPORT) && platform.count(VehicleLogout.class) == VEHICLES);

        assertThat(platform.vins()).containsExactlyInAnyOrderElementsOf(vins);
        assertThat(platform.failures()).as("%s", platform.failureReasons()).isZero();
        int socChanged = 0;
        int moving = 0;
        for (String vin : vins) {
            List<VehicleLogin> logins = platform.messages(vin, VehicleLogin.class);
            assertThat(logins).hasSize(1);
            VehicleLogin login = logins.get(0);
            assertThat(login.header().edition()).isEqualTo(edition);
            assertThat(login.serial()).isEqualTo(1);
            assertThat(login.iccid().text()).isEqualTo(VehicleIdentity.derivedIccid(vin)).hasSize(20);
            assertThat(login.codes()).isInstanceOf(edition == Edition.V2016 ? SubsystemCodes.class : PackCodes.class);
            assertThat(platform.messages(vin, TimeCalibration.class)).hasSize(1);
            assertThat(platform.messages(vin, VehicleLogout.class)).singleElement()
                    .satisfies(l -> assertThat(l.serial()).isEqualTo(1));

            List<TelemetryReport> reports = realtime(vin);
            reports.forEach(r -> assertPlausible(r, edition));
            List<VehicleData> data = reports.stream().map(r -> r.unit(VehicleData.class)).toList();
            for (int i = 1; i < data.size(); i++) {
                assertThat(data.get(i).odometerKm().value()).isGreaterThanOrEqualTo(data.get(i - 1).odometerKm().value());
            }
            if (data.stream().map(d -> d.socPercent().value()).distinct().count() > 1) {
                socChanged++;
            }
            boolean speedChanged = data.stream().map(d -> d.speedKmh().value()).distinct().count() > 1;
            boolean odometerRose = data.get(data.size() - 1).odometerKm().value() > data.get(0).odometerKm().value();
            List<Position> positions = reports.stream().map(r -> r.unit(Position.class)).toList();
            boolean positionChanged = positions.stream().distinct().count() > 1;
            if (speedChanged && odometerRose && positionChanged) {
                moving++;
            }
        }
        assertThat(moving).as("vehicles whose speed, odometer and position changed").isGreaterThan(VEHICLES * 3 / 4);
        assertThat(socChanged).as("vehicles whose SOC changed").isGreaterThan(VEHICLES / 4);

        assertThat(summary.edition()).isEqualTo(edition.label());
        assertThat(summary.vehicles()).isEqualTo(VEHICLES);
        assertThat(summary.framesSent(CommandId.VEHICLE_LOGIN)).isEqualTo(VEHICLES);
        assertThat(summary.responses(CommandId.VEHICLE_LOGIN, "success")).isEqualTo(VEHICLES);
        assertThat(summary.framesSent(CommandId.TIME_CALIBRATION)).isEqualTo(VEHICLES);
        assertThat(summary.framesSent(CommandId.VEHICLE_LOGOUT)).isEqualTo(VEHICLES);
        assertThat(summary.framesSent(CommandId.REALTIME_REPORT)).isGreaterThanOrEqualTo(10L * VEHICLES);
        assertThat(summary.framesSent(CommandId.HEARTBEAT)).isGreaterThanOrEqualTo(VEHICLES)
                .isGreaterThanOrEqualTo(summary.responses(CommandId.HEARTBEAT, "success"));
        assertThat(summary.responses(CommandId.HEARTBEAT, "success")).isGreaterThanOrEqualTo(VEHICLES);
        assertThat(summary.responses(CommandId.TIME_CALIBRATION, "success")).isEqualTo(VEHICLES);
        assertThat(summary.loginFailures()).isZero();
        assertThat(summary.reconnects()).isZero();
        assertThat(summary.errors()).as(summary.lastError()).isZero();
        assertThat(summary.bytesSent()).isGreaterThan(summary.framesSentTotal() * 25);
        assertThat(summary.latency().get("vehicleLogin").count()).isEqualTo(VEHICLES);
        assertThat(summary.latency().get("heartbeat").count()).isGreaterThanOrEqualTo(VEHICLES);
        SimulationSummary.Latency login = summary.latency().get("vehicleLogin");
        assertThat(login.p50()).isPositive().isLessThanOrEqualTo(login.p90());
        assertThat(login.p90()).isLessThanOrEqualTo(login.p99());
        assertThat(login.p99()).isLessThanOrEqualTo(login.max());
        assertThat(sim.progress().loggedIn()).isZero();
        assertThat(sim.progress().connected()).isZero();
    }

    private List<TelemetryReport> realtime(String vin) {
        return platform.messages(vin, TelemetryReport.class).stream().filter(r -> !r.reissue()).toList();
    }

    /** Units of the edition, values in range, extremes consistent with the cells. */
    private static void assertPlausible(TelemetryReport r, Edition edition) {
        VehicleData v = r.unit(VehicleData.class);
        assertThat(v.speedKmh().value()).isBetween(0.0, 220.0);
        assertThat(v.socPercent().value()).isBetween(0.0, 100.0);
        assertThat(v.totalVoltageV().value()).isBetween(250.0, 420.0);
        assertThat(v.totalCurrentA().value()).isBetween(-250.0, 600.0);
        assertThat(r.unit(ProbeTemperatures.class).groups()).singleElement()
                .satisfies(g -> assertThat(g.probeCount()).isEqualTo(32));
        WordArray cells;
        if (edition == Edition.V2016) {
            assertThat(v).isInstanceOf(VehicleData2016.class);
            Position2016 p = r.unit(Position2016.class);
            assertThat(p.latitudeRaw() / 1e6).isCloseTo(31.2304, org.assertj.core.data.Offset.offset(0.2));
            assertThat(p.longitudeRaw() / 1e6).isCloseTo(121.4737, org.assertj.core.data.Offset.offset(0.2));
            assertThat(r.unit(Alarm2016.class).maxLevel()).isBetween(0, 2);
            CellVoltages2016.Subsystem s = r.unit(CellVoltages2016.class).packs().get(0);
            assertThat(s.totalCells()).isEqualTo(96);
            cells = s.cellVoltagesRaw();
            Extremes2016 x = r.unit(Extremes2016.class);
            int[] raw = cells.toIntArray();
            assertThat(x.maxCellVoltageRaw()).isEqualTo(IntStream.of(raw).max().orElseThrow());
            assertThat(x.minCellVoltageRaw()).isEqualTo(IntStream.of(raw).min().orElseThrow());
            assertThat(raw[x.maxVoltageCell() - 1]).isEqualTo(x.maxCellVoltageRaw());
        } else {
            assertThat(v).isInstanceOf(VehicleData2025.class);
            assertThat(r.unit(Extremes2016.class)).isNull();
            Position2025 p = r.unit(Position2025.class);
            assertThat(p.coordinateSystemName()).isEqualTo("WGS84");
            assertThat(p.latitudeRaw() / 1e6).isCloseTo(31.2304, org.assertj.core.data.Offset.offset(0.2));
            Alarm2025 a = r.unit(Alarm2025.class);
            assertThat(a.maxLevel()).isBetween(0, 2);
            assertThat(a.flagLevels()).hasSize(Long.bitCount(a.flags()));
            cells = r.unit(CellVoltages2025.class).packs().get(0).cellVoltagesRaw();
        }
        assertThat(cells.size()).isEqualTo(96);
        assertThat(IntStream.of(cells.toIntArray()).sum() / 1000.0)
                .isCloseTo(v.totalVoltageV().value(), org.assertj.core.data.Offset.offset(2.0));
        DriveMotors motors = r.unit(DriveMotors.class);
        if (motors != null) {
            assertThat(motors.motors()).hasSize(2);
        }
    }
}
