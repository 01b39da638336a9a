package io.gb32960.admin.security;

import io.gb32960.web.security.ApiClient;
import io.gb32960.web.security.ApiTokenAuthenticator;
import io.gb32960.web.security.WebSecurityChains;
import io.gb32960.web.security.WebSecurityConfiguration;
import io.gb32960.web.signin.SignInThrottle;
import io.gb32960.web.signin.UserSessions;
import io.gb32960.web.signin.WebSessionConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what. Three filter chains (their common parts: {@link WebSecurityChains}):
 * <ol>
 *   <li>{@code /api/terminal/**}: terminals; no session, no CSRF; the endpoint checks the
 *   terminal's HMAC signature itself (401 on a wrong or replayed one).</li>
 *   <li>{@code /api/**}: API clients with a bearer token, or the browser session of a signed-in
 *   user (CSRF required then); 401/403 as problem JSON.</li>
 *   <li>everything else: the pages; form sign-in, CSRF on every form, redirect to the sign-in page.</li>
 * </ol>
 * ADMIN may do everything; OPERATOR works with vehicles, commands, alarms and the live view; VIEWER
 * only reads those; SUPPLIER (the OTA service's role) gets none of it. Users, suppliers, API tokens,
 * the audit log, platform accounts, terminal configuration and the registry resync are ADMIN only.
 * Every signed-in user may change their own password ({@code /account/**}). Failed sign-ins are
 * throttled ({@link SignInThrottle}); a user's sessions end when their password, roles or enabled
 * state change ({@link UserSessions}).
 */
@Configuration(proxyBeanMethods = false)
@Import({WebSecurityConfiguration.class, WebSessionConfiguration.class})
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String VIEWER = Role.VIEWER.name();

    static final String[] ADMIN_API = {"/api/users/**", "/api/tokens/**", "/api/audit/**", "/api/suppliers/**",
        "/api/platform-accounts/**", "/api/terminal-config/**", "/api/registry/**", "/api/vehicles/*/secret"};
    static final String[] ADMIN_PAGES = {"/users/**", "/tokens/**", "/audit/**", "/suppliers/**",
        "/platform-accounts/**", "/terminal-config/**", "/registry/**", "/vehicles/*/secret"};
    /** Read by every fleet role (GET). */
    static final String[] FLEET_API = {"/api/vehicles/**", "/api/alarms/**", "/api/live/**", "/api/dashboard",
        "/api/nodes", "/api/terminal-models/**", "/api/commands/**", "/api/command-batches/**"};
    /** Form pages of changes: only who may make them gets the form. */
    static final String[] OPERATOR_FORMS = {"/vehicles/new", "/vehicles/*/edit", "/vehicles/import",
        "/terminal-models/new", "/commands/new", "/command-batches/new"};
    static final String[] FLEET_PAGES = {"/dashboard", "/vehicles/**", "/alarms/**", "/live/**", "/nodes",
        "/terminal-models/**", "/commands/**", "/command-batches/**"};

    @Bean
    @Order(1)
    SecurityFilterChain terminalApi(HttpSecurity http, WebSecurityChains chains) throws Exception {
        return chains.terminals(http, "/api/terminal/**");
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, WebSecurityChains chains, ApiTokenService tokens) throws Exception {
        ApiTokenAuthenticator clients = token -> tokens.authenticate(token)
                .map(p -> new ApiClient(p.actorName(), p.authority()));
        return chains.api(http, clients, a -> a
                .requestMatchers(ADMIN_API).hasRole(ADMIN)
                .requestMatchers("/api/account/**").authenticated()
                .requestMatchers("/v3/api-docs/**").hasAnyRole(ADMIN, OPERATOR, VIEWER)
                .requestMatchers(HttpMethod.GET, FLEET_API).hasAnyRole(ADMIN, OPERATOR, VIEWER)
                .requestMatchers(FLEET_API).hasAnyRole(ADMIN, OPERATOR)
                .anyRequest().hasRole(ADMIN));
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, WebSecurityChains chains) throws Exception {
        return chains.pages(http, a -> a
                .requestMatchers(ADMIN_PAGES).hasRole(ADMIN)
                .requestMatchers("/actuator/**").hasRole(ADMIN)
                .requestMatchers("/", "/account/**").authenticated()
                .requestMatchers("/swagger-ui/**", "/swagger-ui.html")
                .hasAnyRole(ADMIN, OPERATOR, VIEWER)
                .requestMatchers(OPERATOR_FORMS).hasAnyRole(ADMIN, OPERATOR)
                .requestMatchers(HttpMethod.GET, FLEET_PAGES).hasAnyRole(ADMIN, OPERATOR, VIEWER)
                .requestMatchers(FLEET_PAGES).hasAnyRole(ADMIN, OPERATOR)
                .anyRequest().hasRole(ADMIN));
    }
}
