package io.gb32960.ota.security;

import io.gb32960.web.security.WebSecurityChains;
import io.gb32960.web.security.WebSecurityConfiguration;
import io.gb32960.web.signin.WebSessionConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;

/**
 * Who may do what. Three filter chains, as in the admin backend (their common parts: {@link WebSecurityChains}):
 * <ol>
 *   <li>{@code /ota/**}: terminals; no session, no CSRF. The version check verifies the terminal's
 *   HMAC signature, the download its signed URL (403 when forged or expired).</li>
 *   <li>{@code /api/**}: API tokens or the shared browser session (CSRF then); 401/403 as problem JSON.</li>
 *   <li>the pages: form sign-in (the admin backend's users), CSRF on every form.</li>
 * </ol>
 * SUPPLIER users upload firmware and read their own firmware and their devices' rollouts; which
 * rows they see is decided by the services from the user's supplier, never from the request. ADMIN
 * reviews firmware and runs campaigns; OPERATOR and VIEWER read. Sessions, the sign-in throttle and the
 * ending of a user's sessions are the admin backend's ({@link WebSecurityConfiguration},
 * {@link WebSessionConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Import({WebSecurityConfiguration.class, WebSessionConfiguration.class})
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String VIEWER = Role.VIEWER.name();
    private static final String SUPPLIER = Role.SUPPLIER.name();

    @Bean
    @Order(1)
    SecurityFilterChain terminals(HttpSecurity http, WebSecurityChains chains) throws Exception {
        return chains.terminals(http, "/ota/**");
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, WebSecurityChains chains, NamedParameterJdbcTemplate jdbc, Clock clock)
            throws Exception {
        return chains.api(http, new ApiTokens(jdbc, clock), a -> a
                .requestMatchers(HttpMethod.POST, "/api/firmware").hasRole(SUPPLIER)
                .requestMatchers("/api/firmware/*/review").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/firmware/**", "/api/rollouts/**")
                .hasAnyRole(ADMIN, OPERATOR, VIEWER, SUPPLIER)
                .requestMatchers(HttpMethod.GET, "/api/campaigns/**").hasAnyRole(ADMIN, OPERATOR, VIEWER)
                .requestMatchers("/v3/api-docs/**").authenticated()
                .anyRequest().hasRole(ADMIN));
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, WebSecurityChains chains) throws Exception {
        return chains.pages(http, a -> a
                .requestMatchers("/", "/swagger-ui/**", "/swagger-ui.html").authenticated()
                .requestMatchers("/supplier/**").hasRole(SUPPLIER)
                .requestMatchers("/campaigns/new").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, "/firmware/**", "/campaigns").hasAnyRole(ADMIN, OPERATOR, VIEWER)
                .requestMatchers(HttpMethod.GET, "/campaigns/*", "/campaigns/*/panel")
                .hasAnyRole(ADMIN, OPERATOR, VIEWER)
                .anyRequest().hasRole(ADMIN));
    }
}
