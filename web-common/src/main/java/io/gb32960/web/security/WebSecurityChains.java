package io.gb32960.web.security;

import io.gb32960.web.signin.SessionGenerationFilter;
import io.gb32960.web.signin.SignInThrottle;
import io.gb32960.web.signin.SignInThrottleFilter;
import io.gb32960.web.signin.UserSessions;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The three filter chains both web services have, all but their URL rules, which each service
 * passes in:
 * <ol>
 *   <li>{@link #terminals}: the terminals' endpoints; no session, no CSRF, no user (the endpoints
 *   check the terminal themselves).</li>
 *   <li>{@link #api}: {@code /api/**} and the OpenAPI document; API tokens ({@link BearerTokenFilter})
 *   or the shared browser session (CSRF required then); 401/403 as problem JSON.</li>
 *   <li>{@link #pages}: everything else; form sign-in with throttling, CSRF on every form, a redirect
 *   to the sign-in page; static resources, the sign-in page and health/metrics are public.</li>
 * </ol>
 * Sessions ended by {@link UserSessions} are dropped in the API and page chains.
 */
public class WebSecurityChains {

    /** Reachable without signing in. */
    private static final String[] PUBLIC_PAGES = {"/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
        "/actuator/health/**", "/actuator/prometheus"};

    /** A service's URL rules, from the first {@code requestMatchers} to {@code anyRequest()}. */
    public interface UrlRules
            extends Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {
    }

    private final UserSessions sessions;
    private final SignInThrottle throttle;
    private final ProblemResponses problems;

    public WebSecurityChains(UserSessions sessions, SignInThrottle throttle, ProblemResponses problems) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.problems = problems;
    }

    public SecurityFilterChain terminals(HttpSecurity http, String pathPattern) throws Exception {
        http.securityMatcher(pathPattern)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    public SecurityFilterChain api(HttpSecurity http, ApiTokenAuthenticator tokens, UrlRules rules) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(rules)
                .addFilterAfter(new BearerTokenFilter(tokens, problems), SecurityContextHolderFilter.class)
                .addFilterAfter(new SessionGenerationFilter(sessions, BearerTokenFilter::hasBearer),
                        SecurityContextHolderFilter.class)
                // a bearer token is not sent by a browser on its own: no CSRF check for those requests
                .csrf(c -> c.ignoringRequestMatchers(BearerTokenFilter::hasBearer))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()));
        return http.build();
    }

    /** Every page request with a session has that session checked ({@link SessionGenerationFilter}). */
    public SecurityFilterChain pages(HttpSecurity http, UrlRules rules) throws Exception {
        var toPage = new SavedRequestAwareAuthenticationSuccessHandler();
        http.authorizeHttpRequests(a -> {
                    a.requestMatchers(PUBLIC_PAGES).permitAll();
                    rules.customize(a);
                })
                .addFilterAfter(new SessionGenerationFilter(sessions, request -> false), SecurityContextHolderFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login").permitAll().successHandler((request, response, auth) -> {
                    SessionGenerationFilter.signedIn(request);
                    toPage.onAuthenticationSuccess(request, response, auth);
                }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }
}
