package io.gb32960.web.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Web sessions in Redis (Spring Session over Redisson's {@code RedisConnectionFactory}), imported by
 * both web services: the same key namespace and cookie name make one sign-in valid in both. The
 * session holds Spring Security's context with a plain {@code User} principal (JDK serialization),
 * so neither service needs the other's classes to read it.
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisHttpSession
public class WebSessionConfiguration {

    @Bean
    SessionRepositoryCustomizer<RedisSessionRepository> sessionSettings(SignInSettings settings) {
        return repository -> {
            repository.setRedisKeyNamespace(settings.sessionNamespace());
            repository.setDefaultMaxInactiveInterval(settings.sessionTimeout());
        };
    }

    @Bean
    CookieSerializer sessionCookie(SignInSettings settings) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(settings.sessionCookie());
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        return cookie;
    }
}
