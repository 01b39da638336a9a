package io.gb32960.admin.command;

import io.gb32960.admin.support.AccessNodeInfra;
import io.gb32960.admin.support.AdminTest;
import io.gb32960.admin.support.TestVins;
import io.gb32960.platform.common.redis.RedisKeys;
import io.gb32960.platform.common.redis.SessionStore;
import io.gb32960.platform.common.registry.VehicleRegistry;
import io.gb32960.simulator.sim.Simulation;
import io.gb32960.simulator.sim.SimulationConfig;
import io.gb32960.simulator.sim.VehicleIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Commands end to end: a vehicle registered through the API logs in at a real access node (the
 * simulator's terminal), and a query sent through the admin backend's gateway comes back with the
 * terminal's answer; offline vehicles, unanswered commands and bad input.
 */
@AdminTest
@ExtendWith(AccessNodeInfra.class)
class CommandRoundTripTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SessionStore sessions;
    @Autowired
    VehicleRegistry registry;
    @Autowired
    RedissonClient redis;

    private final AccessNodeInfra.RunningNode node;
    private Simulation simulation;

    CommandRoundTripTest(AccessNodeInfra.RunningNode node) {
        this.node = node;
    }

    @AfterEach
    void stopSimulation() {
        if (simulation != null) {
            simulation.stop();
        }
    }

    private String registerVehicle() throws Exception {
        String vin = TestVins.vin();
        mvc.perform(post("/api/vehicles").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"vin\":\"" + vin + "\",\"iccid\":\"" + VehicleIdentity.derivedIccid(vin)
                                + "\",\"enabled\":true}"))
                .andExpect(status().isCreated());
        return vin;
    }

    private MvcResult sendAsync(String body) throws Exception {
        return mvc.perform(post("/api/commands").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(request().asyncStarted()).andReturn();
    }

    @Test
    void aQueryReachesTheSimulatedTerminalThroughTheNodeAndItsAnswerComesBack() throws Exception {
        String vin = registerVehicle();
        simulation = new Simulation(SimulationConfig.builder().host("127.0.0.1").port(node.port())
                .vehicles(List.of(VehicleIdentity.of(vin))).interval(Duration.ofSeconds(10))
                .heartbeat(Duration.ofSeconds(30)).build());
        simulation.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> sessions.route(vin).toCompletableFuture()
                .get(5, TimeUnit.SECONDS).isPresent());

        MvcResult sent = sendAsync("{\"vin\":\"" + vin + "\",\"command\":{\"type\":\"QUERY\",\"parameterIds\":[9,8,2]},"
                + "\"timeoutSeconds\":20}");
        mvc.perform(asyncDispatch(sent)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED"))
                .andExpect(jsonPath("$.node").value(AccessNodeInfra.NODE_ID))
                .andExpect(jsonPath("$.answer.parameters[?(@.name == 'heartbeatPeriodS')].number").value(30))
                .andExpect(jsonPath("$.answer.parameters[?(@.name == 'reportPeriodS')].number").value(10))
                .andExpect(jsonPath("$.answer.parameters[?(@.name == 'firmwareVersion')].text").exists());

        List<String> logged = jdbc.queryForList("SELECT status FROM command_log WHERE vin = ?", String.class, vin);
        assertThat(logged).containsExactly("ANSWERED");
        assertThat(jdbc.queryForObject("SELECT response FROM command_log WHERE vin = ?", String.class, vin))
                .contains("heartbeatPeriodS");
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_log WHERE action = 'COMMAND_SEND' AND target = ?",
                String.class, vin)).isEqualTo("op");

        // a set through the page form: the simulator applies the heartbeat; the page follows the result
        String location = mvc.perform(post("/commands/set").with(user("op").roles("OPERATOR")).with(csrf())
                        .param("vin", vin).param("p9", "20").param("timeoutSeconds", "20"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> !"SENT".equals(
                jdbc.queryForObject("SELECT status FROM command_log WHERE id = ?", String.class, id)));
        mvc.perform(get("/commands/" + id).with(user("v").roles("VIEWER")))
                .andExpect(content().string(containsString("ANSWERED")));
        MvcResult again = sendAsync("{\"vin\":\"" + vin + "\",\"command\":{\"type\":\"QUERY\",\"parameterIds\":[9]}}");
        mvc.perform(asyncDispatch(again))
                .andExpect(jsonPath("$.answer.parameters[0].number").value(20));
    }

    @Test
    void aVehicleThatIsNotConnectedIsOfflineOrQueued() throws Exception {
        String vin = registerVehicle();
        MvcResult sent = sendAsync("{\"vin\":\"" + vin + "\",\"command\":{\"type\":\"CONTROL\",\"controlId\":5}}");
        mvc.perform(asyncDispatch(sent)).andExpect(jsonPath("$.status").value("OFFLINE"));

        MvcResult queued = sendAsync("{\"vin\":\"" + vin + "\",\"command\":{\"type\":\"QUERY\",\"parameterIds\":[1]},"
                + "\"queueMinutes\":60}");
        mvc.perform(asyncDispatch(queued)).andExpect(jsonPath("$.status").value("QUEUED"));
        assertThat(redis.getList(RedisKeys.commandQueue(vin), StringCodec.INSTANCE).size()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT status FROM command_log WHERE vin = ? ORDER BY id", String.class, vin))
                .containsExactly("OFFLINE", "QUEUED");
    }

    @Test
    void aCommandNobodyAnswersTimesOut() throws Exception {
        String vin = registerVehicle();
        // a "node" that receives commands and never answers
        RTopic ghost = redis.getTopic(RedisKeys.commandChannel("ghost-node"), StringCodec.INSTANCE);
        int listener = ghost.addListener(String.class, (channel, message) -> { });
        try {
            redis.getBucket(RedisKeys.route(vin), StringCodec.INSTANCE).set("ghost-node|ghost-1");
            MvcResult sent = sendAsync("{\"vin\":\"" + vin + "\",\"command\":{\"type\":\"QUERY\",\"parameterIds\":[1]},"
                    + "\"timeoutSeconds\":1}");
            mvc.perform(asyncDispatch(sent)).andExpect(jsonPath("$.status").value("TIMEOUT"));
        } finally {
            ghost.removeListener(listener);
            redis.getKeys().delete(RedisKeys.route(vin));
        }
    }

    @Test
    void commandsAreCheckedAgainstTheStandardAndOnlyFleetOperatorsSendThem() throws Exception {
        String vin = registerVehicle();
        String[][] bad = {
            {"{\"type\":\"QUERY\",\"parameterIds\":[]}", "parameterIds"},
            {"{\"type\":\"QUERY\",\"parameterIds\":[99]}", "parameterIds"},
            {"{\"type\":\"SET\",\"settings\":[{\"id\":9,\"value\":\"241\"}]}", "settings[0x09]"},
            {"{\"type\":\"SET\",\"settings\":[{\"id\":8,\"value\":\"V1\"}]}", "settings[0x08]"},
            {"{\"type\":\"SET\",\"settings\":[{\"id\":2,\"value\":\"ten\"}]}", "settings[0x02]"},
            {"{\"type\":\"CONTROL\",\"controlId\":9}", "controlId"},
            {"{\"type\":\"CONTROL\",\"controlId\":6,\"alarmLevel\":7}", "alarmLevel"},
            {"{\"type\":\"CONTROL\",\"controlId\":1}", "upgrade.url"},
        };
        for (String[] b : bad) {
            mvc.perform(post("/api/commands").with(user("op").roles("OPERATOR")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"vin\":\"" + vin + "\",\"command\":" + b[0] + "}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(b[1]));
        }
        mvc.perform(post("/api/commands").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"vin\":\"" + TestVins.vin() + "\",\"command\":{\"type\":\"CONTROL\",\"controlId\":2}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("vin"));
        mvc.perform(post("/api/commands").with(user("v").roles("VIEWER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"vin\":\"" + vin + "\",\"command\":{\"type\":\"CONTROL\",\"controlId\":2}}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM command_log WHERE vin = ?", Integer.class, vin)).isZero();
        mvc.perform(post("/commands/set").with(user("op").roles("OPERATOR")).with(csrf())
                        .param("vin", vin).param("p9", "0"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("1 to 240")));
        mvc.perform(get("/commands/new").param("vin", vin).with(user("op").roles("OPERATOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("remoteUpgrade")));
        assertThat(registry.vehicle(vin).toCompletableFuture().join()).isPresent();
    }

    @Test
    void anUnansweredCommandDoesNotWaitWhenAskedNotTo() throws Exception {
        String vin = registerVehicle();
        mvc.perform(post("/api/commands").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"vin\":\"" + vin + "\",\"command\":{\"type\":\"QUERY\",\"parameterIds\":[1]},"
                                + "\"awaitResult\":false}"))
                .andExpect(request().asyncStarted())
                .andDo(r -> mvc.perform(asyncDispatch(r)).andExpect(status().isAccepted())
                        .andExpect(jsonPath("$.logId").isNumber()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT status FROM command_log WHERE vin = ?", String.class, vin)).isEqualTo("OFFLINE"));
        mvc.perform(get("/api/commands").param("vin", vin).with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.items[0].status").value("OFFLINE"));
    }
}
