package io.gb32960.web.security;

import io.gb32960.web.signin.SignInSettings;
import io.gb32960.web.signin.SignInThrottle;
import io.gb32960.web.signin.UserSessions;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security beans both web services use alike, imported by each service's own security
 * configuration: one password encoding, the shared session generations ({@link UserSessions}) and
 * sign-in throttle (the same Redis keys, so failures at either service count together), and the
 * pieces of the filter chains ({@link WebSecurityChains}).
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserSessions userSessions(RedissonClient redis, SignInSettings settings) {
        return new UserSessions(redis, settings.sessionNamespace());
    }

    @Bean
    SignInThrottle signInThrottle(RedissonClient redis, SignInSettings settings, MeterRegistry meters) {
        return new SignInThrottle(redis, settings.signInThrottle(), meters);
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    WebSecurityChains webSecurityChains(UserSessions sessions, SignInThrottle throttle, ProblemResponses problems) {
        return new WebSecurityChains(sessions, throttle, problems);
    }
}
