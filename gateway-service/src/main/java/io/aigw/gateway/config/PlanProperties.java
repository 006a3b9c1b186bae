package io.aigw.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tenant plans from configuration ({@code aigw.gateway.plans.*}, {@code aigw.gateway.*-plan}), until
 * billing owns them.
 *
 * @param plans the named plans ({@code free}, {@code basic}, {@code pro}, {@code enterprise} ship in
 *     {@code application.yml})
 * @param demoPlan the plan of the demo key's tenant ({@code AIGW_DEMO_PLAN})
 * @param demoKeyPlan a plan of the demo key's own, counted besides its tenant's; empty: the key only
 *     shares its tenant's limits
 * @param defaultPlan the plan of any tenant without one of its own
 */
@Validated
@ConfigurationProperties("aigw.gateway")
public record PlanProperties(
        @NotEmpty Map<String, @Valid Limits> plans,
        @NotBlank @DefaultValue("pro") String demoPlan,
        @DefaultValue("") String demoKeyPlan,
        @NotBlank @DefaultValue("free") String defaultPlan) {

    /**
     * One plan ({@code aigw.gateway.plans.<name>.*}); 0 means no limit of that kind.
     *
     * @param rpm requests per minute (exact sliding window)
     * @param tpm tokens per minute, prompt plus completion (same window)
     * @param requestsPerDay requests per UTC day
     * @param tokensPerDay tokens per UTC day
     */
    public record Limits(
            @Min(0) @DefaultValue("0") long rpm,
            @Min(0) @DefaultValue("0") long tpm,
            @Min(0) @DefaultValue("0") long requestsPerDay,
            @Min(0) @DefaultValue("0") long tokensPerDay) {}
}
