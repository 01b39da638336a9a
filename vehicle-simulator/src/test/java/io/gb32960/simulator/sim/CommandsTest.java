package io.gb32960.simulator.sim;

import io.gb32960.platform.common.cluster.Assignment;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.Gb32960Encoder;
import io.gb32960.protocol.control.AlarmWarning;
import io.gb32960.protocol.control.CustomControl;
import io.gb32960.protocol.control.RemoteUpgrade;
import io.gb32960.protocol.control.SimpleControl;
import io.gb32960.protocol.control.TerminalControl;
import io.gb32960.protocol.control.UpgradeLayout;
import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.ControlCommand;
import io.gb32960.protocol.message.ControlResponse;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.QueryCommand;
import io.gb32960.protocol.message.QueryResponse;
import io.gb32960.protocol.message.SetCommand;
import io.gb32960.protocol.message.SetResponse;
import io.gb32960.protocol.message.TelemetryReport;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.param.Parameter;
import io.gb32960.protocol.param.ParameterId;
import io.gb32960.protocol.param.ParameterList;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The platform sends query 0x80, set 0x81 and control 0x82 to a simulated terminal; it answers, then acts. */
class CommandsTest {

    private static final String VIN = "LGB32960SIM000001";

    private FakePlatform platform;
    private FakeDispatcher dispatcher;
    private Simulation sim;

    @AfterEach
    void stopAll() {
        if (sim != null) {
            sim.stop();
        }
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private void simulate(Edition edition, Duration interval) throws InterruptedException {
        platform = new FakePlatform();
        sim = new Simulation(SimulationConfig.builder().port(platform.port()).edition(edition).vehicles(1)
                .interval(interval).heartbeat(Duration.ofSeconds(30)).reconnectDelay(Duration.ofMillis(100))
                .loginRetry(Duration.ofSeconds(2)).build());
        sim.start();
        awaitReports(1);
    }

    private void awaitReports(int n) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> platform.messages(VIN, TelemetryReport.class).stream().filter(t -> !t.reissue()).count() >= n);
    }

    /** Sends {@code command} and waits for the answer of the same command id (decoded as an uplink frame). */
    private <T extends Gb32960Message> T exchange(Gb32960Message command, Class<T> answer) {
        int before = platform.messages(VIN, answer).size();
        platform.send(VIN, command);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> platform.messages(VIN, answer).size() > before);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no answer to " + command + "; simulator: " + sim.summary().toJson(), e);
        }
        T m = platform.messages(VIN, answer).get(before);
        // well-formed: it encodes back to a frame the uplink decoder reads as the same message
        assertThat(Gb32960Decoder.uplink().decode(Gb32960Encoder.plain().encode(m))).isEqualTo(m);
        return m;
    }

    private static FrameHeader command(Edition edition, CommandId id) {
        return FrameHeader.command(edition, id.id(), VIN);
    }

    private static DataTime now() {
        return DataTime.of(Instant.now());
    }

    @ParameterizedTest
    @EnumSource(Edition.class)
    void aQueryIsAnsweredWithEveryRequestedParameter(Edition edition) throws InterruptedException {
        simulate(edition, Duration.ofMillis(200));
        List<Integer> all = IntStream.rangeClosed(0x01, 0x10).boxed().toList();

        QueryResponse answer = exchange(new QueryCommand(command(edition, CommandId.QUERY), now(), all),
                QueryResponse.class);

        assertThat(answer.header().edition()).isEqualTo(edition);
        assertThat(answer.header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
        assertThat(answer.parameters().unparsed().isEmpty()).isTrue();
        Map<ParameterId, Parameter> byId = answer.parameters().items().stream()
                .collect(Collectors.toMap(Parameter::known, p -> p));
        assertThat(byId).hasSize(16);
        assertThat(byId.get(ParameterId.REPORT_PERIOD_S).asNumber()).isEqualTo(1);
        assertThat(byId.get(ParameterId.PLATFORM_DOMAIN).asText()).isEqualTo("127.0.0.1");
        assertThat(byId.get(ParameterId.PLATFORM_DOMAIN_LENGTH).asNumber()).isEqualTo(9);
        assertThat(byId.get(ParameterId.PLATFORM_PORT).asNumber()).isEqualTo(platform.port());
        assertThat(byId.get(ParameterId.HARDWARE_VERSION).value().length()).isEqualTo(5);
        assertThat(byId.get(ParameterId.FIRMWARE_VERSION).asText()).hasSize(5);
        assertThat(byId.get(ParameterId.HEARTBEAT_PERIOD_S).asNumber()).isEqualTo(30);
        assertThat(byId.get(ParameterId.SAMPLING_INSPECTION).asNumber()).isEqualTo(2);
        for (Parameter p : answer.parameters().items()) {
            if (p.known().width(edition) > 0) {
                assertThat(p.value().length()).as("%s", p.known()).isEqualTo(p.known().width(edition));
            }
        }

        // a domain asked alone comes with its length item first, so the answer stays decodable
        QueryResponse domain = exchange(new QueryCommand(command(edition, CommandId.QUERY), now(),
                List.of(ParameterId.PUBLIC_PLATFORM_DOMAIN.id())), QueryResponse.class);
        assertThat(domain.parameters().items()).extracting(Parameter::id)
                .containsExactly(ParameterId.PUBLIC_PLATFORM_DOMAIN_LENGTH.id(), ParameterId.PUBLIC_PLATFORM_DOMAIN.id());
        assertThat(sim.summary().commands().received(CommandId.QUERY)).isEqualTo(2);
        assertThat(sim.summary().commands().answered()).isEqualTo(2);
    }

    @Test
    void aSetCommandChangesTheReportIntervalAndQueryOnlyParametersAreRefused() throws InterruptedException {
        simulate(Edition.V2016, Duration.ofMillis(100));
        awaitReports(5);

        SetResponse refused = exchange(new SetCommand(command(Edition.V2016, CommandId.SET), now(), ParameterList.of(
                Parameter.ofWord(ParameterId.REPORT_PERIOD_S, 1), Parameter.ofText(ParameterId.FIRMWARE_VERSION, "FW9.9"))),
                SetResponse.class);
        assertThat(refused.header().responseFlag()).isEqualTo(ResponseFlag.ERROR);

        SetResponse accepted = exchange(new SetCommand(command(Edition.V2016, CommandId.SET), now(), ParameterList.of(
                Parameter.ofWord(ParameterId.REPORT_PERIOD_S, 1), Parameter.ofByte(ParameterId.HEARTBEAT_PERIOD_S, 2),
                Parameter.ofWord(ParameterId.TERMINAL_RESPONSE_TIMEOUT_S, 45))), SetResponse.class);
        assertThat(accepted.header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
        long setAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(10)).until(() -> realtimeAfter(setAt).size() >= 3);
        List<FakePlatform.Received> after = realtimeAfter(setAt);
        for (int i = 1; i < after.size(); i++) {
            assertThat((after.get(i).atNanos() - after.get(i - 1).atNanos()) / 1_000_000)
                    .as("gap between reports after the set").isBetween(700L, 2000L);
        }
        QueryResponse now = exchange(new QueryCommand(command(Edition.V2016, CommandId.QUERY), now(), List.of(0x02, 0x09, 0x0A)),
                QueryResponse.class);
        assertThat(now.parameters().items()).extracting(Parameter::asNumber).containsExactly(1L, 2L, 45L);
        SimulationSummary.Commands commands = sim.summary().commands();
        assertThat(commands.received(CommandId.SET)).isEqualTo(2);
        assertThat(commands.refused()).isEqualTo(1);
        assertThat(commands.answered()).isEqualTo(3);
    }

    private List<FakePlatform.Received> realtimeAfter(long nanos) {
        return platform.of(VIN).stream().filter(r -> r.atNanos() > nanos)
                .filter(r -> r.message() instanceof TelemetryReport t && !t.reissue()).toList();
    }

    @Test
    void controlsAreAnsweredAndDisconnectMakesTheTerminalReconnect() throws InterruptedException {
        simulate(Edition.V2016, Duration.ofMillis(100));
        FrameHeader h = command(Edition.V2016, CommandId.TERMINAL_CONTROL);

        ControlResponse alarm = exchange(new ControlCommand(h, now(), new AlarmWarning(2, Bytes.ascii("check battery"))),
                ControlResponse.class);
        ControlResponse upgrade = exchange(new ControlCommand(h, now(), new RemoteUpgrade(UpgradeLayout.TABLE_B15_TEXT,
                "ftp://10.0.0.1/fw.bin", "", "", "", "10.0.0.1", 21, "ACME", "HW1.0", "FW1.3", 10)), ControlResponse.class);
        ControlResponse binaryUpgrade = exchange(new ControlCommand(h, now(), new RemoteUpgrade(
                UpgradeLayout.TABLE_B16_BINARY, "ftp://10.0.0.1/fw.bin", "cmnet", "u", "p", "10.0.0.1", 21, "ACME",
                "HW1.0", "FW1.3", 10)), ControlResponse.class);
        ControlResponse custom = exchange(new ControlCommand(h, now(), new CustomControl(0x90, Bytes.EMPTY)),
                ControlResponse.class);
        assertThat(alarm.header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
        assertThat(upgrade.header().responseFlag()).as("Table B.15 text layout").isEqualTo(ResponseFlag.SUCCESS);
        assertThat(binaryUpgrade.header().responseFlag()).as("Table B.16 binary layout").isEqualTo(ResponseFlag.SUCCESS);
        assertThat(custom.header().responseFlag()).isEqualTo(ResponseFlag.ERROR);
        assertThat(platform.messages(VIN, VehicleLogin.class)).hasSize(1);

        ControlResponse disconnect = exchange(new ControlCommand(h, now(),
                new SimpleControl(TerminalControl.DISCONNECT_DATA_LINK)), ControlResponse.class);
        assertThat(disconnect.header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.messages(VIN, VehicleLogin.class).size() == 2);
        List<FakePlatform.Received> logins = platform.of(VIN).stream()
                .filter(r -> r.message() instanceof VehicleLogin).toList();
        assertThat(logins.get(1).connection()).isNotEqualTo(logins.get(0).connection());

        ControlResponse reset = exchange(new ControlCommand(h, now(), new SimpleControl(TerminalControl.RESET)),
                ControlResponse.class);
        assertThat(reset.header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.messages(VIN, VehicleLogin.class).size() == 3);

        SimulationSummary summary = sim.summary();
        assertThat(summary.commands().received(CommandId.TERMINAL_CONTROL)).isEqualTo(6);
        assertThat(summary.commands().answered()).isEqualTo(6);
        assertThat(summary.commands().refused()).isEqualTo(1);
        assertThat(summary.commands().controls()).containsEntry("alarmWarning", 1L).containsEntry("remoteUpgrade", 2L)
                .containsEntry("disconnectDataLink", 1L).containsEntry("reset", 1L).containsEntry("userDefined", 1L);
        assertThat(summary.toJson()).contains("\"commands\":{\"received\":{\"query\":0,\"set\":0,\"terminalControl\":6}");
        assertThat(summary.badFrames()).isZero();
        assertThat(platform.failureReasons()).isEmpty();
    }

    @Test
    void afterADisconnectCommandATokenNodeSendsTheTerminalBackThroughTheDispatcher() throws InterruptedException {
        platform = new FakePlatform();
        dispatcher = new FakeDispatcher(platform);
        platform.tokens = dispatcher;
        sim = new Simulation(SimulationConfig.builder().vehicles(1).dispatch(dispatcher.config())
                .interval(Duration.ofMillis(100)).reconnectDelay(Duration.ofMillis(100))
                .loginRetry(Duration.ofSeconds(2)).build());
        sim.start();
        awaitReports(1);

        ControlResponse answer = exchange(new ControlCommand(command(Edition.V2016, CommandId.TERMINAL_CONTROL), now(),
                new SimpleControl(TerminalControl.DISCONNECT_DATA_LINK)), ControlResponse.class);
        assertThat(answer.header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);

        // the token was spent: the node refuses the reconnect without one, the terminal asks the dispatcher again
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.messages(VIN, VehicleLogin.class).stream()
                .filter(l -> Assignment.tokenOf(l.extension()) != null).count() == 2);
        awaitReports(3);
        assertThat(dispatcher.logins(VIN)).isEqualTo(2);
        assertThat(platform.tokenRefusals()).isEqualTo(1);
        assertThat(sim.summary().dispatch().successes()).isEqualTo(2);
    }
}
