package io.gb32960.ota.terminal;

import io.gb32960.ota.support.OtaInfra;
import io.gb32960.ota.support.OtaTest;
import io.gb32960.ota.support.OtaTestBase;
import io.gb32960.ota.support.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The terminals' side over real HTTP: the signed version check (pull at power-up), resumable
 * downloads with Range and If-Range, forged and expired URLs, replayed checks.
 */
@OtaTest
class CheckAndDownloadTest extends OtaTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> check(String vin, String hardware, String firmware, long ts, String signature)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + OtaInfra.httpPort()
                + "/ota/check?vin=" + vin + "&hardware=" + hardware + "&firmware=" + firmware));
        if (signature != null) {
            b.header("X-GB32960-Timestamp", Long.toString(ts)).header("X-GB32960-Signature", signature);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode signedCheck(String vin, String firmware) throws Exception {
        long ts = System.currentTimeMillis();
        HttpResponse<String> r = check(vin, "HW1.0", firmware, ts, TestData.signature(vin, ts));
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<byte[]> download(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String rolloutState(long campaign, String vin) {
        return jdbc.queryForObject("SELECT state FROM ota_rollout WHERE campaign_id = ? AND vin = ?", String.class,
                campaign, vin);
    }

    @Test
    void aTerminalChecksAtPowerUpDownloadsWithAResumeAndReportsTheNewVersion() throws Exception {
        List<String> vins = data.vehicles("D", 2, TestData.ACME_TEXT_MODEL, "FW1.2");
        String vin = vins.get(0);
        byte[] file = TestData.firmware(300_001);
        long fw = approvedFirmware(TestData.ACME_TEXT_MODEL, "FW-D2", file);

        // no campaign yet: nothing to install
        assertThat(signedCheck(vin, "FW1.2").get("url").asString()).isEmpty();

        long campaign = campaign(fw, vins, new int[]{100}, 100, 50, 1, 0);
        mvc.perform(post("/api/campaigns/" + campaign + "/start").with(ADMIN).with(csrf())).andExpect(status().isOk());
        JsonNode answer = signedCheck(vin, "FW1.2");
        String url = answer.get("url").asString();
        assertThat(url).startsWith("http://127.0.0.1:" + OtaInfra.httpPort() + "/ota/download/" + fw + "/" + vin)
                .doesNotContain(";");
        assertThat(answer.get("size").asLong()).isEqualTo(file.length);
        assertThat(answer.get("md5").asString()).isEqualTo(TestData.hex("MD5", file));
        assertThat(answer.get("sha256").asString()).isEqualTo(TestData.hex("SHA-256", file));
        assertThat(rolloutState(campaign, vin)).isEqualTo("NOTIFIED");

        // the first part, then the connection "breaks"; the rest with Range and If-Range
        HttpResponse<byte[]> part = download(url, "Range", "bytes=0-99999");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 0-99999/" + file.length);
        String etag = part.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + TestData.hex("SHA-256", file) + "\"");
        assertThat(part.headers().firstValue("X-Firmware-MD5")).hasValue(TestData.hex("MD5", file));
        // the state is recorded as the server sends, which can end after the client has the bytes
        await().atMost(Duration.ofSeconds(10)).until(() -> rolloutState(campaign, vin), "DOWNLOADING"::equals);
        HttpResponse<byte[]> rest = download(url, "Range", "bytes=100000-", "If-Range", etag);
        assertThat(rest.statusCode()).isEqualTo(206);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.write(part.body());
        whole.write(rest.body());
        assertThat(whole.toByteArray()).isEqualTo(file);
        await().atMost(Duration.ofSeconds(10)).until(() -> rolloutState(campaign, vin), "DOWNLOADED"::equals);

        // a stale validator gets the whole file; a suffix range; an unsatisfiable range
        HttpResponse<byte[]> stale = download(url, "Range", "bytes=100000-", "If-Range", "\"other\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(file);
        HttpResponse<byte[]> tail = download(url, "Range", "bytes=-10");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(file, file.length - 10, file.length));
        assertThat(download(url, "Range", "bytes=" + file.length + "-").statusCode()).isEqualTo(416);

        // the next check reports the new version: success, and nothing more to install
        assertThat(signedCheck(vin, "FW-D2").get("url").asString()).isEmpty();
        assertThat(rolloutState(campaign, vin)).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT firmware_version FROM vehicle WHERE vin = ?", String.class, vin))
                .isEqualTo("FW-D2");

        // forged, expired or other vehicles' URLs: 403
        assertThat(download(url.replace("&sig=", "&sig=x")).statusCode()).isEqualTo(403);
        assertThat(download(url.replace(vin, vins.get(1))).statusCode()).isEqualTo(403);
        assertThat(download(url.replaceAll("exp=\\d+", "exp=1000")).statusCode()).isEqualTo(403);
        String expiredButSigned = url.replaceAll("exp=\\d+", "exp=" + (System.currentTimeMillis() / 1000 - 10));
        assertThat(download(expiredButSigned).statusCode()).isEqualTo(403);

        // canceled: the URL stops working
        mvc.perform(post("/api/campaigns/" + campaign + "/cancel").with(ADMIN).with(csrf())).andExpect(status().isOk());
        assertThat(download(url).statusCode()).isEqualTo(410);
        assertThat(rolloutState(campaign, vins.get(1))).isEqualTo("CANCELED");
        mvc.perform(get("/api/campaigns/" + campaign).with(VIEWER)).andExpect(status().isOk());

        // every step is in the platform's audit trail, with who did it
        assertThat(audit("firmware", fw)).containsExactly("acme FIRMWARE_UPLOAD", "admin FIRMWARE_APPROVE");
        assertThat(audit("campaign", campaign))
                .containsExactly("admin CAMPAIGN_CREATE", "admin CAMPAIGN_START", "admin CAMPAIGN_CANCEL");
    }

    private List<String> audit(String targetType, long target) {
        return jdbc.queryForList("SELECT CONCAT(actor, ' ', action) FROM audit_log WHERE target_type = ? AND target = ? "
                + "ORDER BY id", String.class, targetType, Long.toString(target));
    }

    @Test
    void aVehicleWhoseUpgradeWasGivenUpAndThatReportsTheTargetVersionLaterSucceedsLate() throws Exception {
        List<String> vins = data.vehicles("L", 2, TestData.ACME_TEXT_MODEL, "FW1.2");
        long fw = approvedFirmware(TestData.ACME_TEXT_MODEL, "FW-L2", TestData.firmware(10_001));
        long campaign = campaign(fw, vins, new int[]{100}, 100, 50, 1, 0);
        mvc.perform(post("/api/campaigns/" + campaign + "/start").with(ADMIN).with(csrf())).andExpect(status().isOk());
        // both given up (as after a verification deadline)
        jdbc.update("UPDATE ota_rollout SET state = 'FAILED', failure_reason = 'version unchanged after the deadline' "
                + "WHERE campaign_id = ?", campaign);

        // one comes back with the old version: still failed; the other with the target version
        signedCheck(vins.get(0), "FW1.2");
        signedCheck(vins.get(1), "FW-L2");

        assertThat(rolloutState(campaign, vins.get(0))).isEqualTo("FAILED");
        assertThat(rolloutState(campaign, vins.get(1))).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT reported_version FROM ota_rollout WHERE campaign_id = ? AND vin = ?",
                String.class, campaign, vins.get(1))).isEqualTo("FW-L2");
    }

    @Test
    void checksWithoutAValidFreshSignatureAreRefused() throws Exception {
        String vin = data.vehicles("C", 1, TestData.ACME_MODEL, "FW1.2").get(0);
        long ts = System.currentTimeMillis();
        assertThat(check(vin, "HW1.0", "FW1.2", ts, null).statusCode()).isEqualTo(401);
        assertThat(check(vin, "HW1.0", "FW1.2", ts, TestData.signature(vin, ts + 1)).statusCode()).isEqualTo(401);
        assertThat(check(vin, "HW1.0", "FW1.2", ts - 3_600_000, TestData.signature(vin, ts - 3_600_000)).statusCode())
                .as("stale").isEqualTo(401);
        assertThat(check(vin, "HW1.0", "FW1.2", ts, TestData.signature(vin, ts)).statusCode()).isEqualTo(200);
        assertThat(check(vin, "HW1.0", "FW1.2", ts, TestData.signature(vin, ts)).statusCode()).as("replay").isEqualTo(401);
        String unknown = TestData.vin("X");
        assertThat(check(unknown, "HW1.0", "FW1.2", ts, TestData.signature(unknown, ts)).statusCode()).isEqualTo(401);
    }
}
