package io.gb32960.ota.support;

import org.junit.jupiter.api.BeforeEach;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Helpers of the OTA tests: the users of {@link TestData}, uploads, reviews, campaigns over the API. */
public abstract class OtaTestBase {

    protected static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    protected static final RequestPostProcessor OPERATOR = user("op").roles("OPERATOR");
    protected static final RequestPostProcessor VIEWER = user("viewer").roles("VIEWER");
    protected static final RequestPostProcessor ACME = user("acme").roles("SUPPLIER");
    protected static final RequestPostProcessor OTHER = user("other").roles("SUPPLIER");

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected RedissonClient redis;
    @Autowired
    protected JsonMapper json;
    protected TestData data;

    @BeforeEach
    void testData() {
        data = new TestData(jdbc, redis);
    }

    protected JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    protected MockMultipartHttpServletRequestBuilder upload(String model, String hardware, String version, byte[] file,
                                                            String md5, String sha256) {
        MockMultipartHttpServletRequestBuilder b = multipart("/api/firmware")
                .file(new MockMultipartFile("file", "../../etc/" + version + ".bin", "application/octet-stream", file));
        b.param("terminalModel", model).param("hardwareVersion", hardware).param("version", version)
                .param("releaseNotes", "notes of " + version).param("md5", md5).param("sha256", sha256);
        return b;
    }

    /** Uploads {@code file} as ACME's user and approves it as ADMIN; returns the firmware id. */
    protected long approvedFirmware(String model, String version, byte[] file) throws Exception {
        JsonNode f = body(mvc.perform(upload(model, "HW1.0", version, file, TestData.hex("MD5", file),
                TestData.hex("SHA-256", file)).with(ACME).with(csrf())).andExpect(status().isCreated()));
        long id = f.get("id").asLong();
        mvc.perform(json(post("/api/firmware/" + id + "/review"), "{\"approve\":true,\"comment\":\"ok\"}").with(ADMIN)
                .with(csrf())).andExpect(status().isOk());
        return id;
    }

    protected static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
        return b.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A campaign over {@code vins} in percentage groups with the same thresholds each; returns its id (DRAFT). */
    protected long campaign(long firmwareId, java.util.List<String> vins, int[] percents, int successThreshold,
                            int errorThreshold, int minSample, int maxRetries) throws Exception {
        StringBuilder groups = new StringBuilder();
        for (int p : percents) {
            groups.append(groups.length() == 0 ? "" : ",").append("{\"percent\":").append(p)
                    .append(",\"successThreshold\":").append(successThreshold)
                    .append(",\"successAction\":\"NEXT_GROUP\",\"errorThreshold\":").append(errorThreshold)
                    .append(",\"errorMinSample\":").append(minSample).append('}');
        }
        String body = "{\"name\":\"test\",\"firmwareId\":" + firmwareId + ",\"target\":{\"vins\":"
                + json.writeValueAsString(vins) + "},\"groups\":[" + groups + "],\"maxRetries\":" + maxRetries + "}";
        return body(mvc.perform(json(post("/api/campaigns"), body).with(ADMIN).with(csrf()))
                .andExpect(status().isCreated())).get("id").asLong();
    }
}
