package io.gb32960.ota.system;

import io.gb32960.ota.support.OtaTest;
import io.gb32960.ota.support.OtaTestBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The admin backend's look, from web-common's jar: linked before this service's few rules, public. */
@OtaTest
class StylesheetTest extends OtaTestBase {

    @Test
    void theSignInPageLinksTheSharedStylesheetFirst() throws Exception {
        var shared = mvc.perform(get("/css/platform.css")).andReturn().getResponse();
        var page = mvc.perform(get("/login")).andReturn().getResponse();

        assertThat(shared.getStatus()).isEqualTo(200);
        assertThat(shared.getContentAsString()).contains("form.stack label");
        assertThat(page.getContentAsString()).containsSubsequence("/css/platform.css", "/css/ota.css");
    }
}
