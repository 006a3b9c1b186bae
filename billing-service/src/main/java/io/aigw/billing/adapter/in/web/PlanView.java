package io.aigw.billing.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.aigw.billing.domain.BillingException;
import io.aigw.billing.domain.Plan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A plan on the wire, read and written. A {@code null} limit is unlimited; an empty {@code
 * allowed_models} allows every model and group; money is a decimal string.
 *
 * @param name the plan's name (ignored in an update body: the path names the plan)
 * @param requestsPerDay requests per UTC day
 * @param tokensPerDay prompt + completion tokens per UTC day
 * @param requestsPerMinute requests per minute (RPM)
 * @param tokensPerMinute tokens per minute (TPM)
 * @param maxTier the highest model tier, 1..3
 * @param allowedModels model and group names; empty allows all
 * @param monthlyBudgetUsd spend limit per calendar month (UTC), e.g. {@code "100.00"}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlanView(
        @JsonProperty("name") String name,
        @JsonProperty("requests_per_day") Long requestsPerDay,
        @JsonProperty("tokens_per_day") Long tokensPerDay,
        @JsonProperty("requests_per_minute") Long requestsPerMinute,
        @JsonProperty("tokens_per_minute") Long tokensPerMinute,
        @JsonProperty("max_tier") Integer maxTier,
        @JsonProperty("allowed_models") List<String> allowedModels,
        @JsonProperty("monthly_budget_usd") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal monthlyBudgetUsd) {

    static PlanView of(Plan plan) {
        return new PlanView(
                plan.name(),
                plan.requestsPerDay().orElse(null),
                plan.tokensPerDay().orElse(null),
                plan.requestsPerMinute().orElse(null),
                plan.tokensPerMinute().orElse(null),
                plan.maxTier(),
                plan.allowedModels(),
                plan.monthlyBudgetUsd().orElse(null));
    }

    /** The plan this body describes, named by the path. */
    Plan toPlan(String planName) {
        if (maxTier == null) {
            throw new BillingException.InvalidInput("max_tier", "max_tier must be set (1..3)");
        }
        return new Plan(
                planName,
                Optional.ofNullable(requestsPerDay),
                Optional.ofNullable(tokensPerDay),
                Optional.ofNullable(requestsPerMinute),
                Optional.ofNullable(tokensPerMinute),
                maxTier,
                allowedModels == null ? List.of() : allowedModels,
                Optional.ofNullable(monthlyBudgetUsd));
    }
}
