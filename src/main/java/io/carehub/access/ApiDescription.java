package io.carehub.access;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * R47: the OpenAPI description ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}) names the bearer
 * scheme on every operation; which role an operation needs is in docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI carehubApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("carehub")
                        .description("Agent desktop, history, privacy and access-log APIs. Every operation needs a JWT "
                                + "access token of the identity provider (in the default profile: of the local token "
                                + "issuer at /oauth2/token)."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
