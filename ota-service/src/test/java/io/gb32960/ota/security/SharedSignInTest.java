package io.gb32960.ota.security;

import io.gb32960.ota.support.OtaTest;
import io.gb32960.ota.support.OtaTestBase;
import io.gb32960.ota.support.TestData;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin backend's sign-in is valid here: a session written to Redis the way the admin backend
 * writes it (namespace {@code gb32960:web-session}, cookie {@code SESSION}, a plain {@code User}
 * in the security context) signs a request in; a sign-in here lands in the same namespace.
 */
@OtaTest
class SharedSignInTest extends OtaTestBase {

    @Autowired
    RedisSessionRepository sessions;

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aSessionOfTheAdminBackendSignsInHere() throws Exception {
        SessionRepository repository = sessions;
        Session session = (Session) repository.createSession();
        User principal = (User) User.withUsername("viewer").password("").authorities("ROLE_VIEWER").build();
        session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities())));
        repository.save(session);
        assertThat(redis.getKeys().getKeysByPattern("gb32960:web-session:sessions:" + session.getId())).hasSize(1);
        Cookie cookie = new Cookie("SESSION",
                Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8)));
        mvc.perform(get("/api/campaigns").cookie(cookie)).andExpect(status().isOk());
        mvc.perform(get("/api/campaigns")).andExpect(status().isUnauthorized());
    }

    @Test
    void aSignInHereIsStoredInTheSharedNamespace() throws Exception {
        data.supplierId("ACME");
        var result = mvc.perform(post("/login").param("username", "acme").param("password", TestData.PASSWORD)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        Cookie cookie = result.getResponse().getCookie("SESSION");
        assertThat(cookie).isNotNull();
        String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        assertThat(redis.getKeys().getKeysByPattern("gb32960:web-session:sessions:" + id)).hasSize(1);
        mvc.perform(get("/supplier").cookie(cookie)).andExpect(status().isOk());
        mvc.perform(post("/login").param("username", "acme").param("password", "wrong").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).contains("error"));
    }
}
