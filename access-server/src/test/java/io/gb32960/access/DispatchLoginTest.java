package io.gb32960.access;

import io.gb32960.access.dispatch.DispatchServer;
import io.gb32960.access.server.NettyAccessServer;
import io.gb32960.platform.common.cluster.Assignment;
import io.gb32960.platform.common.kafka.Topics;
import io.gb32960.platform.common.registry.PlatformAccount;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.platform.common.security.HashedSecret;
import io.gb32960.protocol.frame.Edition;
import io.gb32960.protocol.frame.ResponseFlag;
import io.gb32960.protocol.message.Gb32960Message;
import io.gb32960.protocol.message.PlatformCustomMessage;
import io.gb32960.protocol.message.VehicleLogin;
import io.gb32960.protocol.wire.Bytes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The SLB-fronted dispatch login: platform login, assignment frame 0xC0, token-bound vehicle login. */
@ExtendWith(EmbeddedRedisExtension.class)
@SpringBootTest(properties = {"gb32960.access.dispatch.enabled=true", "gb32960.access.dispatch.port=0",
    "gb32960.access.require-session-token=true"})
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1, topics = {Topics.TELEMETRY, Topics.VEHICLE_EVENTS, Topics.INVALID_FRAMES})
class DispatchLoginTest {

    private static final String VIN = "LDISPATCH00000001";

    @Autowired
    DispatchServer dispatch;
    @Autowired
    NettyAccessServer access;
    @Autowired
    VehicleRegistry registry;

    @BeforeEach
    void register() {
        registry.register(RegisteredVehicle.of(VIN, "")).toCompletableFuture().join();
        registry.saveAccount(new PlatformAccount("tbox-fleet", HashedSecret.of("fleet-secret"), true))
                .toCompletableFuture().join();
    }

    private Assignment dispatchLogin(String vin, String password) throws Exception {
        try (TestTerminal t = new TestTerminal(dispatch.port())) {
            Gb32960Message answer = t.send(Frames.platformLogin(vin, "tbox-fleet", password)).receive();
            assertThat(answer.header().command()).isEqualTo(0x05);
            if (answer.header().responseFlag() != ResponseFlag.SUCCESS) {
                assertThat(t.closedByServer()).isTrue();
                return null;
            }
            Gb32960Message assignment = t.receive();
            assertThat(assignment.header().command()).isEqualTo(Assignment.COMMAND);
            assertThat(assignment.header().responseFlag()).isEqualTo(ResponseFlag.COMMAND);
            assertThat(assignment.vin()).isEqualTo(vin);
            assertThat(t.closedByServer()).isTrue();
            return Assignment.from((PlatformCustomMessage) assignment);
        }
    }

    private static VehicleLogin loginWith(String token) {
        VehicleLogin plain = Frames.login(Edition.V2016, VIN, "");
        return new VehicleLogin(plain.header(), plain.time(), plain.serial(), plain.iccid(), plain.codes(),
                token == null ? Bytes.EMPTY : Assignment.loginExtension(token));
    }

    @Test
    void aTerminalIsAssignedToANodeAndLogsInThereWithItsToken() throws Exception {
        Assignment a = dispatchLogin(VIN, "fleet-secret");
        assertThat(a).isNotNull();
        assertThat(a.host()).isEqualTo("127.0.0.1");
        assertThat(a.port()).isEqualTo(access.port());
        assertThat(a.token()).hasSize(32);

        try (TestTerminal t = new TestTerminal(a.port())) {
            assertThat(t.send(loginWith(a.token())).receive().header().responseFlag()).isEqualTo(ResponseFlag.SUCCESS);
        }
        // the token is used up, and a login without one is refused on a node that requires tokens
        for (String token : new String[] {a.token(), null}) {
            try (TestTerminal t = new TestTerminal(a.port())) {
                assertThat(t.send(loginWith(token)).receive().header().responseFlag()).isEqualTo(ResponseFlag.ERROR);
                assertThat(t.closedByServer()).isTrue();
            }
        }
    }

    @Test
    void wrongCredentialsOrAnUnregisteredVinGetAnErrorAndTheConnectionCloses() throws Exception {
        assertThat(dispatchLogin(VIN, "wrong-secret")).isNull();
        assertThat(dispatchLogin("LNOTREGISTERED001", "fleet-secret")).isNull();
    }

    @Test
    void anythingButAPlatformLoginIsDropped() throws Exception {
        try (TestTerminal t = new TestTerminal(dispatch.port())) {
            t.send(Frames.heartbeat(Edition.V2016, VIN));
            assertThat(t.closedByServer()).isTrue();
        }
    }
}
