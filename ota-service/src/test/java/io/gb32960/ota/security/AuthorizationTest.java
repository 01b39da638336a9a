package io.gb32960.ota.security;

import io.gb32960.ota.support.OtaTest;
import io.gb32960.ota.support.OtaTestBase;
import io.gb32960.ota.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every endpoint against every role, and supplier isolation: a supplier reads and changes nothing
 * of another supplier's (their firmware is "not found", their devices' rollouts are not listed).
 */
@OtaTest
class AuthorizationTest extends OtaTestBase {

    private long acmeFirmware;
    private long otherFirmware;
    private long campaign;
    private String acmeVersion;

    @BeforeEach
    void fixtures() throws Exception {
        byte[] a = TestData.firmware(10_000);
        acmeVersion = String.format("A%04d", System.nanoTime() % 10000);
        acmeFirmware = approvedFirmware(TestData.ACME_MODEL, acmeVersion, a);
        byte[] b = TestData.firmware(10_000);
        otherFirmware = body(mvc.perform(upload(TestData.OTHER_MODEL, "HW1.0", String.format("B%04d", System.nanoTime() % 10000), b,
                TestData.hex("MD5", b), TestData.hex("SHA-256", b)).with(OTHER).with(csrf()))
                .andExpect(status().isCreated())).get("id").asLong();
        List<String> vins = data.vehicles("AZ", 2, TestData.ACME_MODEL, "FW1.2");
        campaign = campaign(acmeFirmware, vins, new int[]{100}, 100, 50, 1, 0);
    }

    private void expect(MockHttpServletRequestBuilder request, RequestPostProcessor who, int status) throws Exception {
        mvc.perform(request.with(who).with(csrf())).andExpect(status().is(status));
    }

    @Test
    void everyEndpointAgainstEveryRole() throws Exception {
        RequestPostProcessor anon = anonymous();
        String review = "{\"approve\":true}";
        for (RequestPostProcessor who : List.of(anon, ACME, OPERATOR, VIEWER)) {
            int denied = who == anon ? 401 : 403;
            expect(json(post("/api/firmware/" + otherFirmware + "/review"), review), who, denied);
            expect(json(post("/api/campaigns"), "{}"), who, denied);
            expect(post("/api/campaigns/" + campaign + "/start"), who, denied);
            expect(post("/api/campaigns/" + campaign + "/pause"), who, denied);
            expect(post("/api/campaigns/" + campaign + "/resume"), who, denied);
            expect(post("/api/campaigns/" + campaign + "/cancel"), who, denied);
        }
        for (RequestPostProcessor who : List.of(anon, ACME)) {
            int denied = who == anon ? 401 : 403;
            expect(get("/api/campaigns"), who, denied);
            expect(get("/api/campaigns/" + campaign), who, denied);
            expect(get("/api/campaigns/" + campaign + "/vehicles"), who, denied);
        }
        for (RequestPostProcessor who : List.of(ADMIN, OPERATOR, VIEWER)) {
            expect(get("/api/campaigns"), who, 200);
            expect(get("/api/campaigns/" + campaign), who, 200);
            expect(get("/api/campaigns/" + campaign + "/vehicles"), who, 200);
            expect(get("/api/firmware"), who, 200);
            expect(get("/api/firmware/" + otherFirmware), who, 200);
            expect(get("/api/rollouts"), who, 200);
        }
        expect(get("/api/firmware"), anon, 401);
        expect(get("/api/rollouts"), anon, 401);
        expect(get("/v3/api-docs"), anon, 401);
        expect(get("/v3/api-docs"), VIEWER, 200);
        // uploads: suppliers only
        byte[] f = TestData.firmware(100);
        for (RequestPostProcessor who : List.of(ADMIN, OPERATOR, VIEWER)) {
            mvc.perform(upload(TestData.ACME_MODEL, "HW1.0", "FW-NO", f, TestData.hex("MD5", f), TestData.hex("SHA-256", f))
                    .with(who).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(upload(TestData.ACME_MODEL, "HW1.0", "FW-NO", f, TestData.hex("MD5", f), TestData.hex("SHA-256", f))
                .with(anon).with(csrf())).andExpect(status().isUnauthorized());
        // changes need the CSRF token of the session (or a bearer token)
        mvc.perform(post("/api/campaigns/" + campaign + "/start").with(ADMIN)).andExpect(status().isForbidden());
        expect(post("/api/campaigns/" + campaign + "/start"), ADMIN, 200);
        // pages
        expect(get("/supplier"), ACME, 200);
        expect(get("/supplier"), ADMIN, 403);
        expect(get("/firmware"), VIEWER, 200);
        expect(get("/firmware"), ACME, 403);
        expect(get("/campaigns"), VIEWER, 200);
        expect(get("/campaigns/" + campaign), OPERATOR, 200);
        expect(get("/campaigns/" + campaign + "/panel"), VIEWER, 200);
        expect(get("/campaigns/new"), ADMIN, 200);
        expect(get("/campaigns/new"), OPERATOR, 403);
        expect(get("/campaigns"), ACME, 403);
        expect(post("/campaigns/" + campaign + "/pause"), OPERATOR, 403);
        mvc.perform(get("/campaigns")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aSupplierSeesAndTouchesOnlyItsOwn() throws Exception {
        // firmware: another supplier's is not found, not listed, not reviewable
        mvc.perform(get("/api/firmware/" + otherFirmware).with(ACME)).andExpect(status().isNotFound());
        mvc.perform(get("/api/firmware/" + acmeFirmware).with(OTHER)).andExpect(status().isNotFound());
        mvc.perform(get("/api/firmware/" + acmeFirmware).with(ACME)).andExpect(status().isOk());
        mvc.perform(get("/api/firmware").with(ACME))
                .andExpect(jsonPath("$[*].supplierCode", everyItem(is("ACME"))))
                .andExpect(jsonPath("$[*].id", hasItem((int) acmeFirmware)));
        mvc.perform(get("/api/firmware").with(OTHER))
                .andExpect(jsonPath("$[*].supplierCode", everyItem(is("OTHER"))))
                .andExpect(jsonPath("$[*].id", not(hasItem((int) acmeFirmware))));
        // uploads only for its own models
        byte[] f = TestData.firmware(200);
        mvc.perform(upload(TestData.ACME_MODEL, "HW1.0", "FW-X", f, TestData.hex("MD5", f), TestData.hex("SHA-256", f))
                .with(OTHER).with(csrf())).andExpect(status().isBadRequest());
        // rollouts: only vehicles of its own firmware's campaigns
        mvc.perform(post("/api/campaigns/" + campaign + "/start").with(ADMIN).with(csrf())).andExpect(status().isOk());
        mvc.perform(get("/api/rollouts").with(ACME))
                .andExpect(jsonPath("$[?(@.campaignId == " + campaign + ")]").isNotEmpty());
        mvc.perform(get("/api/rollouts").with(OTHER))
                .andExpect(jsonPath("$[?(@.campaignId == " + campaign + ")]").isEmpty());
        mvc.perform(get("/api/rollouts").param("vin", "OTAAZ").with(OTHER)).andExpect(jsonPath("$").isEmpty());
        // the portal shows the same
        mvc.perform(get("/supplier").with(OTHER)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(not(org.hamcrest.Matchers.containsString(">" + acmeVersion + "<"))));
    }
}
