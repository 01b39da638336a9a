package io.gb32960.admin.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of the REST API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI adminApi() {
        return new OpenAPI()
                .info(new Info().title("GB/T 32960 admin backend").version("1")
                        .description("Vehicles, terminal configuration, live view, alarms and remote commands of the"
                                + " GB/T 32960 platform. API clients send an API token an administrator created:"
                                + " Authorization: Bearer gbt_... Errors are RFC 7807 problem JSON; invalid input"
                                + " lists its fields under errors."))
                .components(new Components().addSecuritySchemes("apiToken", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("gbt_ token")))
                .addSecurityItem(new SecurityRequirement().addList("apiToken"));
    }
}
