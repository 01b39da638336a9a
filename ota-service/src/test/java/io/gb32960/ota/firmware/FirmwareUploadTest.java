package io.gb32960.ota.firmware;

import io.gb32960.ota.support.OtaTest;
import io.gb32960.ota.support.OtaTestBase;
import io.gb32960.ota.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Uploads: stored with their digests, or refused with a clear error and nothing kept. */
@OtaTest
class FirmwareUploadTest extends OtaTestBase {

    @Value("${gb32960.ota.firmware.storage-dir}")
    Path storage;

    private long files() throws Exception {
        try (Stream<Path> s = Files.list(storage)) {
            return s.filter(p -> p.toString().endsWith(".bin")).count();
        }
    }

    private int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM firmware", Integer.class);
    }

    @Test
    void aSupplierUploadsFirmwareOfItsModelAndAnAdminReviewsIt() throws Exception {
        byte[] file = TestData.firmware(100_000);
        long before = files();
        mvc.perform(upload(TestData.ACME_MODEL, "HW1.0", "UP1", file, TestData.hex("MD5", file).toUpperCase(),
                        TestData.hex("SHA-256", file)).with(ACME).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING_REVIEW"))
                .andExpect(jsonPath("$.sizeBytes").value(100_000))
                .andExpect(jsonPath("$.md5").value(TestData.hex("MD5", file)))
                .andExpect(jsonPath("$.sha256").value(TestData.hex("SHA-256", file)))
                // the client's path is only shown, never used
                .andExpect(jsonPath("$.fileName").value("UP1.bin"))
                .andExpect(jsonPath("$.storageKey").doesNotExist());
        assertThat(files()).isEqualTo(before + 1);
        long id = jdbc.queryForObject("SELECT id FROM firmware WHERE version = 'UP1'", Long.class);
        assertThat(jdbc.queryForObject("SELECT storage_key FROM firmware WHERE id = ?", String.class, id))
                .matches("[0-9a-f-]{36}\\.bin");

        mvc.perform(json(post("/api/firmware/" + id + "/review"), "{\"approve\":true}").with(ACME).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/firmware/" + id + "/review"), "{\"approve\":false,\"comment\":\"no notes\"}")
                        .with(ADMIN).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.reviewedBy").value("admin"));
        mvc.perform(json(post("/api/firmware/" + id + "/review"), "{\"approve\":true}").with(ADMIN).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/firmware/" + id).with(ACME)).andExpect(jsonPath("$.reviewComment").value("no notes"));
    }

    @Test
    void badUploadsAreRefusedClearlyAndNothingIsStored() throws Exception {
        byte[] file = TestData.firmware(50_000);
        String md5 = TestData.hex("MD5", file);
        String sha = TestData.hex("SHA-256", file);
        long files = files();
        int rows = rows();

        // another supplier's model
        mvc.perform(upload(TestData.OTHER_MODEL, "HW1.0", "BAD1", file, md5, sha).with(ACME).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("terminalModel"));
        // a model that does not exist
        mvc.perform(upload("NO-SUCH", "HW1.0", "BAD1", file, md5, sha).with(ACME).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("terminalModel"));
        // stated digests that do not match
        mvc.perform(upload(TestData.ACME_MODEL, "HW1.0", "BAD1", file, "0".repeat(32), sha).with(ACME).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("md5"));
        mvc.perform(upload(TestData.ACME_MODEL, "HW1.0", "BAD1", file, md5, "0".repeat(64)).with(ACME).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sha256"));
        // malformed fields
        mvc.perform(upload(TestData.ACME_MODEL, "HW1.0", "FW;1", file, "xyz", sha).with(ACME).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'version')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'md5')]").exists());
        // over the size limit (2 MB in the tests)
        byte[] big = TestData.firmware(2 * 1024 * 1024 + 1);
        mvc.perform(upload(TestData.ACME_MODEL, "HW1.0", "BIG", big, TestData.hex("MD5", big),
                        TestData.hex("SHA-256", big)).with(ACME).with(csrf()))
                .andExpect(status().isContentTooLarge()).andExpect(jsonPath("$.code").value("TOO_LARGE"));
        // staff cannot upload (they belong to no supplier)
        mvc.perform(upload(TestData.ACME_MODEL, "HW1.0", "BAD2", file, md5, sha).with(ADMIN).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(files()).isEqualTo(files);
        assertThat(rows()).isEqualTo(rows);

        // duplicate digest and duplicate version
        mvc.perform(upload(TestData.ACME_MODEL, "HW1.0", "DUP1", file, md5, sha).with(ACME).with(csrf()))
                .andExpect(status().isCreated());
        mvc.perform(upload(TestData.ACME_TEXT_MODEL, "HW1.0", "DUP2", file, md5, sha).with(ACME).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] other = TestData.firmware(1000);
        mvc.perform(upload(TestData.ACME_MODEL, "HW1.0", "DUP1", other, TestData.hex("MD5", other),
                        TestData.hex("SHA-256", other)).with(ACME).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("version"));
        assertThat(files()).isEqualTo(files + 1);
        assertThat(rows()).isEqualTo(rows + 1);
    }
}
