package io.aigw.billing.config;

import io.aigw.api.AigwHeaders;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /admin/openapi}: what the APIs are and which credential each needs. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI billingOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("aigw billing")
                        .description("Admin API (/admin/**, bearer admin token) and internal API for the gateway "
                                + "and routing (/internal/**, x-aigw-internal-token). Errors are RFC 9457 problem "
                                + "details with urn:aigw:billing:problem:* types.")
                        .version("v1"))
                .components(new Components()
                        .addSecuritySchemes(
                                "admin",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("AIGW_ADMIN_TOKEN"))
                        .addSecuritySchemes(
                                "internal",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name(AigwHeaders.INTERNAL_TOKEN)
                                        .description("AIGW_INTERNAL_TOKEN")))
                .addSecurityItem(new SecurityRequirement().addList("admin"))
                .addSecurityItem(new SecurityRequirement().addList("internal"));
    }
}
