package io.gb32960.access;

import io.gb32960.access.server.NettyAccessServer;
import io.gb32960.platform.common.command.CommandGateway;
import io.gb32960.platform.common.command.CommandResult;
import io.gb32960.platform.common.command.CommandResult.Status;
import io.gb32960.platform.common.command.DownlinkCommand;
import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.protocol.codec.Direction;
import io.gb32960.protocol.codec.Gb32960Decoder;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.control.RemoteUpgrade;
import io.gb32960.protocol.control.SimpleControl;
import io.gb32960.protocol.control.TerminalControl;
import io.gb32960.protocol.control.UpgradeLayout;
import io.gb32960.protocol.crypto.KeyProvider;
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
import io.gb32960.protocol.param.Parameter;
import io.gb32960.protocol.param.ParameterId;
import io.gb32960.protocol.param.ParameterList;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Downlink commands through the gateway, the node and a real TCP terminal, on a real Redis. */
@ExtendWith(EmbeddedRedisExtension.class)
@SpringBootTest
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, topics = {Topics.TELEMETRY, Topics.VEHICLE_EVENTS, Topics.INVALID_FRAMES})
class CommandGatewayTest {

    private static final AtomicInteger VINS = new AtomicInteger();

    @Autowired
    NettyAccessServer server;
    @Autowired
    VehicleRegistry registry;
    @Autowired
    SessionStore sessions;
    @Autowired
    RedissonClient redis;
    @Autowired
    MeterRegistry meters;

    private CommandGateway gateway;

    @BeforeEach
    void startGateway() {
        // resends after 300 ms, at most 2: a test-sized version of the standard's 1 min x 3
        gateway = new CommandGateway(redis, sessions,
                new CommandGateway.Settings("gw-test", Duration.ofMillis(300), 2, Duration.ofSeconds(2))).start();
    }

    @AfterEach
    void closeGateway() {
        gateway.close();
    }

    private String registered(RegisteredVehicle template) {
        String vin = String.format("LCMD%013d", VINS.incrementAndGet());
        registry.register(new RegisteredVehicle(vin, "", template.terminalModel(), template.responseStyle(),
                template.upgradeLayout(), true)).toCompletableFuture().join();
        return vin;
    }

    private String registered() {
        return registered(RegisteredVehicle.of("X", ""));
    }

    private TestTerminal loggedIn(String vin, Edition edition, UpgradeLayout layout) throws Exception {
        TestTerminal t = new TestTerminal(server.port(), new Gb32960Decoder(Direction.DOWNLINK,
                v -> new io.gb32960.protocol.codec.TerminalProfile("test", ResponseStyle.TIME_ONLY, layout),
                KeyProvider.NONE));
        assertThat(t.send(Frames.login(edition, vin, "")).receive().header().responseFlag())
                .isEqualTo(ResponseFlag.SUCCESS);
        return t;
    }

    private static FrameHeader answerHeader(Gb32960Message command, int flag) {
        return FrameHeader.command(command.header().edition(), command.header().command(), command.header().vin())
                .withResponseFlag(flag);
    }

    private static CommandResult result(CompletableFuture<CommandResult> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aQueryIsAnsweredWithTheDecodedParametersInTheVehiclesEdition() throws Exception {
        for (Edition edition : Edition.values()) {
            String vin = registered();
            try (TestTerminal t = loggedIn(vin, edition, UpgradeLayout.TABLE_B16_BINARY)) {
                CompletableFuture<CommandResult> f = gateway.send(vin, new DownlinkCommand.Query(
                        List.of(ParameterId.HEARTBEAT_PERIOD_S.id(), ParameterId.FIRMWARE_VERSION.id())),
                        Duration.ofSeconds(10));
                QueryCommand query = (QueryCommand) t.receive();
                assertThat(query.header().edition()).isEqualTo(edition);
                assertThat(query.parameterIds()).containsExactly(0x09, 0x08);
                t.send(new QueryResponse(answerHeader(query, ResponseFlag.SUCCESS), query.time(), ParameterList.of(
                        Parameter.ofByte(ParameterId.HEARTBEAT_PERIOD_S, 30),
                        Parameter.ofText(ParameterId.FIRMWARE_VERSION, "V1.02"))));
                CommandResult r = result(f);
                assertThat(r.status()).isEqualTo(Status.ANSWERED);
                assertThat(r.node()).isEqualTo("test-node");
                assertThat(r.answer().parameters()).extracting(CommandResult.AnsweredParameter::name)
                        .containsExactly("heartbeatPeriodS", "firmwareVersion");
                assertThat(r.answer().parameters().get(0).number()).isEqualTo(30L);
                assertThat(r.answer().parameters().get(1).text()).isEqualTo("V1.02");
            }
        }
    }

    @Test
    void aSetAnsweredWithAnErrorFlagIsRejected() throws Exception {
        String vin = registered();
        try (TestTerminal t = loggedIn(vin, Edition.V2025, UpgradeLayout.TABLE_B16_BINARY)) {
            CompletableFuture<CommandResult> f = gateway.send(vin, new DownlinkCommand.SetParameters(List.of(
                    DownlinkCommand.Setting.number(ParameterId.REPORT_PERIOD_S.id(), 10),
                    DownlinkCommand.Setting.text(ParameterId.PLATFORM_DOMAIN.id(), "gb.example.com"))),
                    Duration.ofSeconds(10));
            SetCommand set = (SetCommand) t.receive();
            // 2025: the report period is a BYTE; the domain's length parameter is added before it
            assertThat(set.parameters().items()).extracting(Parameter::id).containsExactly(0x02, 0x04, 0x05);
            assertThat(set.parameters().items().get(0).value().length()).isEqualTo(1);
            assertThat(set.parameters().items().get(1).asNumber()).isEqualTo(14);
            t.send(new SetResponse(answerHeader(set, ResponseFlag.ERROR), set.time(), set.parameters()));
            CommandResult r = result(f);
            assertThat(r.status()).isEqualTo(Status.REJECTED);
            assertThat(r.answer().responseFlag()).isEqualTo(ResponseFlag.ERROR);
        }
    }

    @Test
    void aRemoteUpgradeIsWrittenInTheLayoutOfTheVehiclesProfile() throws Exception {
        String vin = registered(new RegisteredVehicle("X", "", "tbox-text", ResponseStyle.TIME_ONLY,
                UpgradeLayout.TABLE_B15_TEXT, true));
        try (TestTerminal t = loggedIn(vin, Edition.V2016, UpgradeLayout.TABLE_B15_TEXT)) {
            RemoteUpgrade upgrade = new RemoteUpgrade(UpgradeLayout.TABLE_B16_BINARY, "http://ota.example/fw.bin",
                    "", "", "", "10.0.0.1", 8080, "MFR01", "HW1.0", "FW2.0", 30);
            CompletableFuture<CommandResult> f = gateway.send(vin, new DownlinkCommand.Control(upgrade),
                    Duration.ofSeconds(10));
            ControlCommand control = (ControlCommand) t.receive();
            RemoteUpgrade written = (RemoteUpgrade) control.control();
            assertThat(written.layout()).isEqualTo(UpgradeLayout.TABLE_B15_TEXT);
            assertThat(written.url()).isEqualTo("http://ota.example/fw.bin");
            assertThat(written.firmwareVersion()).isEqualTo("FW2.0");
            t.send(new ControlResponse(answerHeader(control, ResponseFlag.SUCCESS), control.time(), control.control()));
            CommandResult r = result(f);
            assertThat(r.status()).isEqualTo(Status.ANSWERED);
            assertThat(r.answer().control()).isEqualTo("remoteUpgrade");
        }
    }

    @Test
    void anUnansweredCommandIsResentThenTimesOut() throws Exception {
        String vin = registered();
        try (TestTerminal t = loggedIn(vin, Edition.V2016, UpgradeLayout.TABLE_B16_BINARY)) {
            CompletableFuture<CommandResult> f = gateway.send(vin,
                    new DownlinkCommand.Control(new SimpleControl(TerminalControl.OPEN_SAMPLING_LINK)),
                    Duration.ofMillis(1000));
            ControlCommand first = (ControlCommand) t.receive();
            ControlCommand second = (ControlCommand) t.receive();
            ControlCommand third = (ControlCommand) t.receive();
            assertThat(List.of(second.time(), third.time())).containsOnly(first.time());
            CommandResult r = result(f);
            assertThat(r.status()).isEqualTo(Status.TIMEOUT);
            assertThat(r.detail()).contains("2 resends");
        }
    }

    @Test
    void aResultWhoseSenderIsGoneIsCountedUndelivered() throws Exception {
        String vin = registered();
        try (TestTerminal t = loggedIn(vin, Edition.V2016, UpgradeLayout.TABLE_B16_BINARY)) {
            gateway.send(vin, new DownlinkCommand.Query(List.of(ParameterId.HEARTBEAT_PERIOD_S.id())),
                    Duration.ofSeconds(10));
            QueryCommand query = (QueryCommand) t.receive();
            double before = undelivered();
            gateway.close(); // the sender goes away before the terminal answers: nobody listens on its channel

            t.send(new QueryResponse(answerHeader(query, ResponseFlag.SUCCESS), query.time(),
                    ParameterList.of(Parameter.ofByte(ParameterId.HEARTBEAT_PERIOD_S, 30))));

            await().atMost(Duration.ofSeconds(10)).until(() -> undelivered() == before + 1);
        }
    }

    private double undelivered() {
        Counter c = meters.find("gb32960.commands.results.undelivered").tag("why", "no-subscriber").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aVehicleThatIsNotConnectedIsOffline() throws Exception {
        CommandResult r = result(gateway.send(registered(), new DownlinkCommand.Query(List.of(0x01)),
                Duration.ofSeconds(5)));
        assertThat(r.status()).isEqualTo(Status.OFFLINE);
    }

    @Test
    void aClosedConnectionEndsItsPendingCommandsOffline() throws Exception {
        String vin = registered();
        CompletableFuture<CommandResult> f;
        try (TestTerminal t = loggedIn(vin, Edition.V2016, UpgradeLayout.TABLE_B16_BINARY)) {
            f = gateway.send(vin, new DownlinkCommand.Query(List.of(0x01)), Duration.ofSeconds(30));
            assertThat(t.receive()).isInstanceOf(QueryCommand.class);
        }
        CommandResult r = result(f);
        assertThat(r.status()).isEqualTo(Status.OFFLINE);
        assertThat(r.detail()).contains("connection closed");
    }

    @Test
    void aQueuedCommandIsDeliveredAtTheNextLoginButAShutdownIsNeverQueued() throws Exception {
        String vin = registered();
        LinkedBlockingQueue<CommandResult> late = new LinkedBlockingQueue<>();
        gateway.onQueuedResults(late::add);
        CommandResult shutdown = result(gateway.send(vin,
                new DownlinkCommand.Control(new SimpleControl(TerminalControl.SHUTDOWN)), Duration.ofSeconds(5),
                Duration.ofMinutes(5)));
        assertThat(shutdown.status()).isEqualTo(Status.OFFLINE);
        CommandResult queued = result(gateway.send(vin, new DownlinkCommand.Query(List.of(0x09)),
                Duration.ofSeconds(10), Duration.ofMinutes(5)));
        assertThat(queued.status()).isEqualTo(Status.QUEUED);

        try (TestTerminal t = loggedIn(vin, Edition.V2016, UpgradeLayout.TABLE_B16_BINARY)) {
            QueryCommand query = (QueryCommand) t.receive();
            assertThat(query.parameterIds()).containsExactly(0x09);
            t.send(new QueryResponse(answerHeader(query, ResponseFlag.SUCCESS), query.time(),
                    ParameterList.of(Parameter.ofByte(ParameterId.HEARTBEAT_PERIOD_S, 60))));
            CommandResult delivered = late.poll(20, TimeUnit.SECONDS);
            assertThat(delivered).isNotNull();
            assertThat(delivered.id()).isEqualTo(queued.id());
            assertThat(delivered.status()).isEqualTo(Status.ANSWERED);
            assertThat(delivered.answer().parameters().get(0).number()).isEqualTo(60L);
        }
    }

    @Test
    void anAnswerIsMatchedByCommandAndTime() throws Exception {
        String vin = registered();
        try (TestTerminal t = loggedIn(vin, Edition.V2016, UpgradeLayout.TABLE_B16_BINARY)) {
            CompletableFuture<CommandResult> a = gateway.send(vin, new DownlinkCommand.Query(List.of(0x01)),
                    Duration.ofSeconds(10));
            QueryCommand qa = (QueryCommand) t.receive();
            CompletableFuture<CommandResult> b = gateway.send(vin, new DownlinkCommand.Query(List.of(0x02)),
                    Duration.ofSeconds(10));
            QueryCommand qb = (QueryCommand) t.receive();
            // answer with the ids of each query: when both have the same time, the oldest is answered first
            t.send(new QueryResponse(answerHeader(qa, ResponseFlag.SUCCESS), qa.time(),
                    ParameterList.of(Parameter.ofWord(ParameterId.LOCAL_STORAGE_PERIOD_MS, 500))));
            t.send(new QueryResponse(answerHeader(qb, ResponseFlag.SUCCESS), qb.time(),
                    ParameterList.of(Parameter.ofWord(ParameterId.REPORT_PERIOD_S, 10))));
            assertThat(result(a).answer().parameters().get(0).id()).isEqualTo(0x01);
            assertThat(result(b).answer().parameters().get(0).id()).isEqualTo(0x02);
        }
    }
}
