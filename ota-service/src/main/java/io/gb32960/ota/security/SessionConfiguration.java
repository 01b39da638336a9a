package io.gb32960.ota.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Web sessions in Redis, the admin backend's: same key namespace, same cookie, same JDK-serialized
 * security context with a plain {@code User} principal, so a user signed in at either service is
 * signed in at both (behind one host name, or cookies shared by the proxy).
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisHttpSession
class SessionConfiguration {

    @Bean
    SessionRepositoryCustomizer<RedisSessionRepository> sessionSettings(OtaSecurityProperties properties) {
        return repository -> {
            repository.setRedisKeyNamespace(properties.sessionNamespace());
            repository.setDefaultMaxInactiveInterval(properties.sessionTimeout());
        };
    }

    @Bean
    CookieSerializer sessionCookie(OtaSecurityProperties properties) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(properties.sessionCookie());
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        return cookie;
    }
}
