package io.gb32960.admin.command;

import io.gb32960.admin.support.AdminTest;
import io.gb32960.admin.support.TestVins;
import io.gb32960.platform.common.command.CommandJson;
import io.gb32960.platform.common.command.CommandResult;
import io.gb32960.platform.common.redis.RedisKeys;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A command to every vehicle of a filter: a result per vehicle, progress, cancel, one audit entry. */
@AdminTest
class BatchCommandTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    RedissonClient redis;

    private String fleet(int n) throws Exception {
        String model = "BATCH-" + System.nanoTime() % 1_000_000;
        StringBuilder csv = new StringBuilder("vin,vehicleModel\n");
        for (int i = 0; i < n; i++) {
            csv.append(TestVins.vin()).append(',').append(model).append('\n');
        }
        mvc.perform(post("/api/vehicles/import").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType("text/csv").content(csv.toString()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(n));
        return model;
    }

    private long start(String model, String command, int rate) throws Exception {
        String body = mvc.perform(post("/api/command-batches").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"filter\":{\"vehicleModel\":\"" + model + "\"},\"command\":" + command
                                + ",\"ratePerSecond\":" + rate + ",\"timeoutSeconds\":5}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    @Test
    void everyVehicleOfTheFilterGetsItsResultAndTheBatchFinishes() throws Exception {
        String model = fleet(40);
        long id = start(model, "{\"type\":\"QUERY\",\"parameterIds\":[1,9]}", 50);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                mvc.perform(get("/api/command-batches/" + id).with(user("v").roles("VIEWER")))
                        .andExpect(jsonPath("$.status").value("DONE")));
        mvc.perform(get("/api/command-batches/" + id).with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.total").value(40))
                .andExpect(jsonPath("$.counts.OFFLINE").value(40));  // nobody is connected
        mvc.perform(get("/api/command-batches/" + id + "/items").param("status", "OFFLINE").param("size", "5")
                        .with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.total").value(40)).andExpect(jsonPath("$.items[0].commandLogId").isNumber());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM command_log l JOIN vehicle v ON v.vin = l.vin"
                + " WHERE v.vehicle_model = ? AND l.status = 'OFFLINE'", Integer.class, model)).isEqualTo(40);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'COMMAND_BATCH_CREATE'"
                + " AND target = ?", Integer.class, Long.toString(id))).isEqualTo(1);
        mvc.perform(get("/command-batches/" + id).with(user("v").roles("VIEWER")))
                .andExpect(content().string(containsString("OFFLINE 40")));
    }

    @Test
    void aQueuedCommandsLateResultReachesItsBatchItem() throws Exception {
        String model = fleet(3);
        String body = mvc.perform(post("/api/command-batches").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"filter\":{\"vehicleModel\":\"" + model + "\"},\"command\":{\"type\":\"QUERY\","
                                + "\"parameterIds\":[1]},\"timeoutSeconds\":5,\"queueMinutes\":60}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                mvc.perform(get("/api/command-batches/" + id).with(user("v").roles("VIEWER")))
                        .andExpect(jsonPath("$.status").value("DONE")).andExpect(jsonPath("$.counts.QUEUED").value(3)));
        Map<String, Object> queued = jdbc.queryForMap("SELECT l.request_id, l.vin FROM command_batch_item i"
                + " JOIN command_log l ON i.request_id = CAST(l.id AS CHAR) WHERE i.batch_id = ? ORDER BY l.vin LIMIT 1", id);
        // what an access node publishes when the vehicle's queued command expired
        redis.getTopic(RedisKeys.commandResults(), StringCodec.INSTANCE).publish(new CommandJson().toJson(
                CommandResult.of((String) queued.get("request_id"), (String) queued.get("vin"),
                        CommandResult.Status.EXPIRED, "not delivered in time", "node-q")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/command-batches/" + id).with(user("v").roles("VIEWER")))
                        .andExpect(jsonPath("$.counts.EXPIRED").value(1)).andExpect(jsonPath("$.counts.QUEUED").value(2)));
        assertThat(jdbc.queryForObject("SELECT status FROM command_log WHERE request_id = ?", String.class,
                queued.get("request_id"))).isEqualTo("EXPIRED");
    }

    @Test
    void aBatchIsSentAtItsRateAndCanBeCancelled() throws Exception {
        String model = fleet(30);
        long id = start(model, "{\"type\":\"CONTROL\",\"controlId\":5}", 2);
        mvc.perform(post("/api/command-batches/" + id + "/cancel").with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().isNoContent());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM command_batch_item WHERE batch_id = ? AND status IN ('PENDING', 'SENT')",
                Integer.class, id)).isZero());
        // at 2 per second only the first few went out before the cancel
        int cancelled = jdbc.queryForObject("SELECT COUNT(*) FROM command_batch_item WHERE batch_id = ?"
                + " AND status = 'CANCELLED'", Integer.class, id);
        assertThat(cancelled).isGreaterThan(20);
        mvc.perform(get("/api/command-batches/" + id).with(user("v").roles("VIEWER")))
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(post("/api/command-batches/" + id + "/cancel").with(user("op").roles("OPERATOR")).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void badBatchesAreRefused() throws Exception {
        mvc.perform(post("/api/command-batches").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"filter\":{\"vehicleModel\":\"NO-SUCH-MODEL\"},\"command\":{\"type\":\"CONTROL\","
                                + "\"controlId\":5}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("filter"));
        mvc.perform(post("/api/command-batches").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"command\":{\"type\":\"SET\",\"settings\":[{\"id\":9,\"value\":\"999\"}]}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("settings[0x09]"));
        mvc.perform(post("/api/command-batches").with(user("op").roles("OPERATOR")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"command\":{\"type\":\"CONTROL\",\"controlId\":5},\"ratePerSecond\":5000}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ratePerSecond"));
        mvc.perform(post("/api/command-batches").with(user("v").roles("VIEWER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"command\":{\"type\":\"CONTROL\",\"controlId\":5}}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/command-batches/new").param("vehicleModel", "NO-SUCH-MODEL").with(user("op").roles("OPERATOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<b>0</b> vehicles match")));
    }
}
