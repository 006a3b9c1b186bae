package io.aigw.billing.domain;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a tenant may do. Every numeric limit is optional: empty means unlimited.
 *
 * @param name {@code free}, {@code basic}, {@code pro}, {@code enterprise} or any added plan
 * @param requestsPerDay requests a tenant may make per UTC day
 * @param tokensPerDay prompt + completion tokens per UTC day
 * @param requestsPerMinute requests per minute (RPM)
 * @param tokensPerMinute tokens per minute (TPM)
 * @param maxTier the highest model tier (1 economy … 3 premium)
 * @param allowedModels catalog model or group names the tenant may ask for; empty allows all
 * @param monthlyBudgetUsd the spend limit per calendar month (UTC); empty is unlimited
 */
public record Plan(
        String name,
        Optional<Long> requestsPerDay,
        Optional<Long> tokensPerDay,
        Optional<Long> requestsPerMinute,
        Optional<Long> tokensPerMinute,
        int maxTier,
        List<String> allowedModels,
        Optional<BigDecimal> monthlyBudgetUsd) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@-]{0,199}");
    /** The stored form joins the names with commas, in a VARCHAR(2000). */
    private static final int MAX_MODELS_LENGTH = 2000;

    /** Checks every value and names the bad one. */
    public Plan {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BillingException.InvalidInput(
                    "name", "plan name must be 1-32 lower-case letters, digits, '-' or '_', was '" + name + "'");
        }
        requestsPerDay = positive("requests_per_day", requestsPerDay);
        tokensPerDay = positive("tokens_per_day", tokensPerDay);
        requestsPerMinute = positive("requests_per_minute", requestsPerMinute);
        tokensPerMinute = positive("tokens_per_minute", tokensPerMinute);
        if (maxTier < 1 || maxTier > 3) {
            throw new BillingException.InvalidInput("max_tier", "max_tier must be 1..3, was " + maxTier);
        }
        // a set keeps the order given and drops repeats, so the stored list stays canonical
        // checked before copying: List.copyOf throws a bare NullPointerException on a null entry (a 500)
        for (String model : allowedModels == null ? List.<String>of() : allowedModels) {
            if (model == null || !MODEL.matcher(model).matches()) {
                throw new BillingException.InvalidInput("allowed_models", "not a model or group name: '" + model + "'");
            }
        }
        allowedModels = List.copyOf(new LinkedHashSet<>(allowedModels == null ? List.of() : allowedModels));
        if (String.join(",", allowedModels).length() > MAX_MODELS_LENGTH) {
            throw new BillingException.InvalidInput(
                    "allowed_models", "allowed_models is longer than " + MAX_MODELS_LENGTH + " characters");
        }
        monthlyBudgetUsd = monthlyBudgetUsd == null ? Optional.empty() : monthlyBudgetUsd;
        if (monthlyBudgetUsd.isPresent()) {
            BigDecimal budget = monthlyBudgetUsd.get();
            if (budget.signum() < 0 || budget.scale() > 6 || budget.precision() - budget.scale() > 14) {
                throw new BillingException.InvalidInput(
                        "monthly_budget_usd",
                        "monthly_budget_usd must be between 0 and 10^14 with at most 6 decimals, was "
                                + budget.toPlainString());
            }
        }
    }

    private static Optional<Long> positive(String field, Optional<Long> value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isPresent() && value.get() <= 0) {
            throw new BillingException.InvalidInput(field, field + " must be positive or absent, was " + value.get());
        }
        return value;
    }

    /** True when a client may ask for this model or group under this plan. */
    public boolean allows(String model) {
        return allowedModels.isEmpty() || allowedModels.contains(model);
    }
}
