package io.gb32960.admin.system;

import io.gb32960.admin.support.AdminTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The look shared with the OTA service comes from web-common's jar, linked before this service's own rules. */
@AdminTest
class StylesheetTest {

    @Autowired
    MockMvc mvc;

    @Test
    void pagesLinkTheSharedStylesheetFirstAndAnyoneMayLoadBoth() throws Exception {
        String page = mvc.perform(get("/login")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).containsSubsequence("/css/platform.css", "/css/admin.css");

        mvc.perform(get("/css/platform.css")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"))
                .andExpect(content().string(containsString("header.top")));
        mvc.perform(get("/css/admin.css")).andExpect(content().string(containsString("#fleet-map")));
    }
}
