package io.gb32960.ota.security;

import io.gb32960.web.signin.SessionGenerationFilter;
import io.gb32960.web.signin.SignInThrottle;
import io.gb32960.web.signin.SignInThrottleFilter;
import io.gb32960.web.signin.UserSessions;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import java.time.Clock;

/**
 * Who may do what. Three filter chains, as in the admin backend:
 * <ol>
 *   <li>{@code /ota/**}: terminals; no session, no CSRF. The version check verifies the terminal's
 *   HMAC signature, the download its signed URL (403 when forged or expired).</li>
 *   <li>{@code /api/**}: API tokens or the shared browser session (CSRF then); 401/403 as problem JSON.</li>
 *   <li>the pages: form sign-in (the admin backend's users), CSRF on every form.</li>
 * </ol>
 * SUPPLIER users upload firmware and read their own firmware and their devices' rollouts; which
 * rows they see is decided by the services from the user's supplier, never from the request. ADMIN
 * reviews firmware and runs campaigns; OPERATOR and VIEWER read.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String VIEWER = Role.VIEWER.name();
    private static final String SUPPLIER = Role.SUPPLIER.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** The admin backend's rule: a user's sessions end when their password, roles or enabled state change. */
    @Bean
    UserSessions userSessions(RedissonClient redis, OtaSecurityProperties properties) {
        return new UserSessions(redis, properties.sessionNamespace());
    }

    /** Failed sign-ins here count with those at the admin backend (same Redis keys). */
    @Bean
    SignInThrottle signInThrottle(RedissonClient redis, OtaSecurityProperties properties, MeterRegistry meters) {
        return new SignInThrottle(redis, properties.signInThrottle(), meters);
    }

    @Bean
    @Order(1)
    SecurityFilterChain terminals(HttpSecurity http) throws Exception {
        http.securityMatcher("/ota/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, NamedParameterJdbcTemplate jdbc, ProblemResponses problems,
                            Clock clock, UserSessions sessions) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/firmware").hasRole(SUPPLIER)
                        .requestMatchers("/api/firmware/*/review").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/firmware/**", "/api/rollouts/**")
                        .hasAnyRole(ADMIN, OPERATOR, VIEWER, SUPPLIER)
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/**").hasAnyRole(ADMIN, OPERATOR, VIEWER)
                        .requestMatchers("/v3/api-docs/**").authenticated()
                        .anyRequest().hasRole(ADMIN))
                .addFilterAfter(new ApiTokenFilter(jdbc, problems, clock), SecurityContextHolderFilter.class)
                .addFilterAfter(new SessionGenerationFilter(sessions, ApiTokenFilter::hasBearer),
                        SecurityContextHolderFilter.class)
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
    SecurityFilterChain pages(HttpSecurity http, UserSessions sessions, SignInThrottle throttle) throws Exception {
        var toStart = new SavedRequestAwareAuthenticationSuccessHandler();
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/", "/swagger-ui/**", "/swagger-ui.html").authenticated()
                        .requestMatchers("/supplier/**").hasRole(SUPPLIER)
                        .requestMatchers("/campaigns/new").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/firmware/**", "/campaigns").hasAnyRole(ADMIN, OPERATOR, VIEWER)
                        .requestMatchers(HttpMethod.GET, "/campaigns/*", "/campaigns/*/panel")
                        .hasAnyRole(ADMIN, OPERATOR, VIEWER)
                        .anyRequest().hasRole(ADMIN))
                .addFilterAfter(new SessionGenerationFilter(sessions, request -> false), SecurityContextHolderFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login").permitAll().successHandler((request, response, auth) -> {
                    SessionGenerationFilter.signedIn(request);
                    toStart.onAuthenticationSuccess(request, response, auth);
                }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }
}
