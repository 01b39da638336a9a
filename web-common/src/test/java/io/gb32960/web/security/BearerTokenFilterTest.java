package io.gb32960.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenFilterTest {

    private static final ApiClient CLIENT = new ApiClient("token:ci", new SimpleGrantedAuthority("ROLE_OPERATOR"));

    private final BearerTokenFilter filter = new BearerTokenFilter(
            token -> "gbt_good".equals(token) ? Optional.of(CLIENT) : Optional.empty(),
            new ProblemResponses(JsonMapper.builder().build()));
    private final AtomicReference<Authentication> seenByChain = new AtomicReference<>();

    @Test
    void aValidTokenSignsInForThisRequestOnly() throws Exception {
        MockHttpServletResponse response = run(request("bearer  gbt_good "));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(seenByChain.get().getName()).isEqualTo("token:ci");
        assertThat(seenByChain.get().getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_OPERATOR");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void anInvalidTokenIsAnswered401AsProblemJson() throws Exception {
        MockHttpServletResponse response = run(request("Bearer gbt_revoked"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("invalid, expired or revoked API token");
        assertThat(seenByChain.get()).isNull();
    }

    @Test
    void requestsWithoutABearerTokenGoOnUnauthenticated() throws Exception {
        MockHttpServletRequest basic = request("Basic dXNlcjpwdw==");

        assertThat(BearerTokenFilter.hasBearer(basic)).isFalse();
        assertThat(run(basic).getStatus()).isEqualTo(200);
        assertThat(run(request(null)).getStatus()).isEqualTo(200);
        assertThat(seenByChain.get()).isNull();
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/vehicles");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seenByChain.set(SecurityContextHolder.getContext().getAuthentication());
            }
        });
        return response;
    }
}
