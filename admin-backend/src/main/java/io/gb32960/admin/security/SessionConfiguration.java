package io.gb32960.admin.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Web sessions in Redis (Spring Session over Redisson's {@code RedisConnectionFactory}), shared with
 * the OTA service: the same key namespace and cookie name there make one sign-in valid in both.
 * The session holds Spring Security's context with a plain {@code User} principal (JDK
 * serialization), so the other service needs none of this module's classes to read it.
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisHttpSession
class SessionConfiguration {

    @Bean
    SessionRepositoryCustomizer<RedisSessionRepository> sessionSettings(AdminSecurityProperties properties) {
        return repository -> {
            repository.setRedisKeyNamespace(properties.sessionNamespace());
            repository.setDefaultMaxInactiveInterval(properties.sessionTimeout());
        };
    }

    @Bean
    CookieSerializer sessionCookie(AdminSecurityProperties properties) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(properties.sessionCookie());
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        return cookie;
    }
}
