package io.gb32960.admin.security;

import io.gb32960.web.signin.UserSessions;
import io.gb32960.web.signin.SignInThrottle;
import io.gb32960.web.signin.SessionGenerationFilter;
import io.gb32960.web.signin.SignInThrottleFilter;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may do what. Three filter chains:
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
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserSessions userSessions(RedissonClient redis, AdminSecurityProperties properties) {
        return new UserSessions(redis, properties.sessionNamespace());
    }

    @Bean
    SignInThrottle signInThrottle(RedissonClient redis, AdminSecurityProperties properties, MeterRegistry meters) {
        return new SignInThrottle(redis, properties.signInThrottle(), meters);
    }

    @Bean
    @Order(1)
    SecurityFilterChain terminalApi(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/terminal/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, ProblemResponses problems,
                            UserSessions sessions) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(ADMIN_API).hasRole(ADMIN)
                        .requestMatchers("/api/account/**").authenticated()
                        .requestMatchers("/v3/api-docs/**").hasAnyRole(ADMIN, OPERATOR, VIEWER)
                        .requestMatchers(HttpMethod.GET, FLEET_API).hasAnyRole(ADMIN, OPERATOR, VIEWER)
                        .requestMatchers(FLEET_API).hasAnyRole(ADMIN, OPERATOR)
                        .anyRequest().hasRole(ADMIN))
                .addFilterAfter(new ApiTokenFilter(tokens, problems), SecurityContextHolderFilter.class)
                .addFilterAfter(new SessionGenerationFilter(sessions, ApiTokenFilter::hasBearer), SecurityContextHolderFilter.class)
                // a bearer token is not sent by a browser on its own: no CSRF check for those requests
                .csrf(c -> c.ignoringRequestMatchers(ApiTokenFilter::hasBearer))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle, UserSessions sessions) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toPage = new SavedRequestAwareAuthenticationSuccessHandler();
        toPage.setDefaultTargetUrl("/");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers(ADMIN_PAGES).hasRole(ADMIN)
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/", "/account/**").authenticated()
                        .requestMatchers("/swagger-ui/**", "/swagger-ui.html")
                        .hasAnyRole(ADMIN, OPERATOR, VIEWER)
                        .requestMatchers(OPERATOR_FORMS).hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(HttpMethod.GET, FLEET_PAGES).hasAnyRole(ADMIN, OPERATOR, VIEWER)
                        .requestMatchers(FLEET_PAGES).hasAnyRole(ADMIN, OPERATOR)
                        .anyRequest().hasRole(ADMIN))
                .addFilterAfter(new SessionGenerationFilter(sessions, ApiTokenFilter::hasBearer), SecurityContextHolderFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login").permitAll().successHandler((request, response, auth) -> {
                    SessionGenerationFilter.signedIn(request);
                    toPage.onAuthenticationSuccess(request, response, auth);
                }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }
}
