package io.gb32960.admin.system;

import io.gb32960.admin.support.AdminTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The REST API is documented (springdoc): every area, the bearer scheme, no page endpoints. */
@AdminTest
class OpenApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theApiDocumentListsTheRestApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(user("v").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("GB/T 32960 admin backend"))
                .andExpect(jsonPath("$.paths['/api/vehicles'].get").exists())
                .andExpect(jsonPath("$.paths['/api/vehicles/import'].post").exists())
                .andExpect(jsonPath("$.paths['/api/commands'].post").exists())
                .andExpect(jsonPath("$.paths['/api/command-batches'].post").exists())
                .andExpect(jsonPath("$.paths['/api/alarms/{vin}/{at}/{command}/ack'].post").exists())
                .andExpect(jsonPath("$.paths['/api/terminal/config'].get").exists())
                .andExpect(jsonPath("$.paths['/api/dashboard'].get").exists())
                .andExpect(jsonPath("$.paths['/api/suppliers/{code}'].put").exists())
                .andExpect(jsonPath("$.paths['/api/account/password'].put").exists())
                .andExpect(jsonPath("$.paths['/api/users/{id}/password'].put").exists())
                .andExpect(jsonPath("$.paths['/vehicles']").doesNotExist())
                .andExpect(jsonPath("$.components.securitySchemes.apiToken.scheme").value("bearer"));
        mvc.perform(get("/swagger-ui/index.html").with(user("v").roles("VIEWER"))).andExpect(status().isOk());
    }
}
