package io.gb32960.ota.rollout;

import io.gb32960.ota.support.OtaTest;
import io.gb32960.ota.support.OtaTestBase;
import io.gb32960.ota.support.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Invalid campaigns are refused with field errors; nothing is created. */
@OtaTest
class CampaignValidationTest extends OtaTestBase {

    private static final String GROUP = "{\"percent\":100,\"successThreshold\":90,\"successAction\":\"NEXT_GROUP\","
            + "\"errorThreshold\":5,\"errorMinSample\":10}";

    private void refused(String body, String field) throws Exception {
        mvc.perform(json(post("/api/campaigns"), body).with(ADMIN).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')]").exists());
    }

    @Test
    void invalidCampaignsAreRefusedWithFieldErrors() throws Exception {
        List<String> vins = data.vehicles("V", 2, TestData.ACME_MODEL, "FW1.2");
        byte[] file = TestData.firmware(5000);
        long fw = approvedFirmware(TestData.ACME_MODEL, "FW-V1", file);
        String target = "{\"vins\":" + json.writeValueAsString(vins) + "}";
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM ota_campaign", Integer.class);

        refused("{\"firmwareId\":" + fw + ",\"target\":" + target + ",\"groups\":[" + GROUP + "]}", "name");
        // an empty target: no VIN matches, no vehicle fits the filter
        refused("{\"name\":\"n\",\"firmwareId\":" + fw + ",\"target\":{\"vins\":[\"" + TestData.vin("NONE")
                + "\"]},\"groups\":[" + GROUP + "]}", "target");
        refused("{\"name\":\"n\",\"firmwareId\":" + fw + ",\"target\":{\"filter\":{\"vinPrefix\":\"ZZZ\"}},\"groups\":["
                + GROUP + "]}", "target");
        refused("{\"name\":\"n\",\"firmwareId\":" + fw + ",\"target\":{},\"groups\":[" + GROUP + "]}", "target");
        // thresholds out of range
        refused("{\"name\":\"n\",\"firmwareId\":" + fw + ",\"target\":" + target + ",\"groups\":[" + GROUP.replace(
                "\"successThreshold\":90", "\"successThreshold\":101") + "]}", "groups[0].successThreshold");
        refused("{\"name\":\"n\",\"firmwareId\":" + fw + ",\"target\":" + target + ",\"groups\":[" + GROUP.replace(
                "\"errorThreshold\":5", "\"errorThreshold\":-1") + "]}", "groups[0].errorThreshold");
        refused("{\"name\":\"n\",\"firmwareId\":" + fw + ",\"target\":" + target + ",\"groups\":[" + GROUP.replace(
                "\"errorMinSample\":10", "\"errorMinSample\":0") + "]}", "groups[0].errorMinSample");
        refused("{\"name\":\"n\",\"firmwareId\":" + fw + ",\"target\":" + target + ",\"groups\":[]}", "groups");
        refused("{\"name\":\"n\",\"firmwareId\":" + fw + ",\"target\":" + target + ",\"maxRetries\":11,\"groups\":["
                + GROUP + "]}", "maxRetries");
        // percentages must rise to 100
        refused("{\"name\":\"n\",\"firmwareId\":" + fw + ",\"target\":" + target + ",\"groups\":[" + GROUP.replace(
                "100", "50") + "," + GROUP.replace("100", "40") + "]}", "groups[1].percent");
        refused("{\"name\":\"n\",\"firmwareId\":" + fw + ",\"target\":" + target + ",\"groups\":[" + GROUP.replace(
                "100", "50") + "]}", "groups[0].percent");
        // firmware that is not approved, or does not exist
        byte[] other = TestData.firmware(5001);
        long pending = body(mvc.perform(upload(TestData.ACME_MODEL, "HW1.0", "FW-V2", other, TestData.hex("MD5", other),
                TestData.hex("SHA-256", other)).with(ACME).with(csrf()))).get("id").asLong();
        refused("{\"name\":\"n\",\"firmwareId\":" + pending + ",\"target\":" + target + ",\"groups\":[" + GROUP + "]}",
                "firmwareId");
        refused("{\"name\":\"n\",\"firmwareId\":999999,\"target\":" + target + ",\"groups\":[" + GROUP + "]}",
                "firmwareId");
        // a start time in the past; malformed JSON
        refused("{\"name\":\"n\",\"firmwareId\":" + fw + ",\"target\":" + target + ",\"scheduledAt\":\"2020-01-01T00:00:00Z\","
                + "\"groups\":[" + GROUP + "]}", "scheduledAt");
        mvc.perform(json(post("/api/campaigns"), "{not json").with(ADMIN).with(csrf())).andExpect(status().isBadRequest());
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ota_campaign", Integer.class))
                .isEqualTo(before);

        // the valid one; a campaign cannot start twice, a draft cannot be paused
        long id = campaign(fw, vins, new int[]{50, 100}, 90, 5, 10, 0);
        mvc.perform(post("/api/campaigns/" + id + "/pause").with(ADMIN).with(csrf())).andExpect(status().isConflict());
        mvc.perform(post("/api/campaigns/" + id + "/start").with(ADMIN).with(csrf())).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RUNNING"));
        mvc.perform(post("/api/campaigns/" + id + "/start").with(ADMIN).with(csrf())).andExpect(status().isConflict());
        mvc.perform(post("/api/campaigns/" + id + "/cancel").with(ADMIN).with(csrf())).andExpect(status().isOk());
        mvc.perform(post("/api/campaigns/999999/start").with(ADMIN).with(csrf())).andExpect(status().isNotFound());
    }
}
