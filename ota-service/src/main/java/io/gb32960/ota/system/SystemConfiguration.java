package io.gb32960.ota.system;

import io.gb32960.platform.common.redis.SessionStore;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.redisson.api.RedissonClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Beans every feature uses, and the OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SessionStore sessionStore(RedissonClient redis) {
        return new SessionStore(redis);
    }

    @Bean
    OpenAPI otaApi() {
        return new OpenAPI()
                .info(new Info().title("GB/T 32960 OTA service").version("1")
                        .description("Firmware uploads (suppliers), review, gray-release campaigns and their status."
                                + " Sign in at the admin backend (shared session) or send an API token:"
                                + " Authorization: Bearer gbt_... Errors are RFC 7807 problem JSON; invalid input"
                                + " lists its fields under errors. Terminals use /ota/check (HMAC-signed) and the"
                                + " signed download URLs it returns."))
                .components(new Components().addSecuritySchemes("apiToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("gbt_ token")))
                .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    }
}
