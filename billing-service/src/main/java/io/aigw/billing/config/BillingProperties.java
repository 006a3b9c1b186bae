package io.aigw.billing.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Billing's settings ({@code aigw.billing.*}).
 *
 * @param adminToken the credential of {@code /admin/**}, sent as {@code Authorization: Bearer}
 *     ({@code AIGW_ADMIN_TOKEN}). No default: when empty, the admin API refuses every request (401)
 *     and the service says so at start-up.
 * @param demoKey a gateway key seeded for the demo tenant at start-up ({@code AIGW_DEMO_KEY}); empty
 *     seeds nothing. Leave it empty in production.
 * @param demoTenant the tenant id the demo key belongs to
 * @param demoPlan the plan the demo tenant is created with
 * @param keyCacheTtl how long the gateway may cache a resolved key; also how long a revoked key's
 *     tombstone stays in Redis
 * @param usage the usage stream consumer
 * @param tenantAdmins admin credentials confined to one tenant each (ADR 0024), configured by the
 *     SHA-256 of the token only
 */
@Validated
@ConfigurationProperties("aigw.billing")
public record BillingProperties(
        @DefaultValue("") String adminToken,
        @DefaultValue("") String demoKey,
        @DefaultValue("demo") @NotBlank String demoTenant,
        @DefaultValue("pro") @NotBlank String demoPlan,
        @DefaultValue("60s") @NotNull Duration keyCacheTtl,
        @DefaultValue @Valid Usage usage,
        @DefaultValue @Valid Budgets budgets,
        @DefaultValue @Valid java.util.List<TenantAdmin> tenantAdmins) {

    /**
     * One tenant's own admin credential: {@code Authorization: Bearer <token>} on that tenant's admin
     * routes only (its record, its keys, its usage report), never another tenant's or the plan
     * catalog's writes. Only the hash is configured, so the configuration (a Secret) does not hold a
     * usable credential; make the token a long random one ({@code openssl rand -hex 32}), as a fast
     * hash protects only a token nobody can guess.
     *
     * @param tenant the tenant id the token is confined to
     * @param tokenSha256 lower-case hex SHA-256 of the token's UTF-8 bytes
     */
    public record TenantAdmin(
            @NotBlank String tenant,
            @NotBlank @jakarta.validation.constraints.Pattern(regexp = "[0-9a-f]{64}") String tokenSha256) {}

    /**
     * Budget holds and alerts (ADR 0022).
     *
     * @param holdTtl an unsettled hold is released after this long (its request died with its
     *     routing replica); longer than the longest request
     * @param alertThresholds percentages of the monthly budget that raise an alert, ascending
     * @param limitTtl how long a tenant's budget is remembered for its holds; a change made through
     *     another billing replica takes effect within this
     * @param publishedLimitTtl how long a budget published for routing's own holds lives; routing asks
     *     billing again after it (and at once after a change made through the admin API)
     * @param standingsEvery how often each budgeted tenant's budget and month-to-date spend are read
     *     for the {@code aigw_budget_monthly_usd} / {@code aigw_budget_spent_usd} gauges (also at start)
     */
    public record Budgets(
            @DefaultValue("10m") @NotNull Duration holdTtl,
            @DefaultValue({"50", "80", "100"}) @NotNull java.util.List<Integer> alertThresholds,
            @DefaultValue("15s") @NotNull Duration standingsEvery,
            @DefaultValue("5s") @NotNull Duration limitTtl,
            @DefaultValue("60s") @NotNull Duration publishedLimitTtl) {}

    /**
     * The consumer of the usage stream {@code aigw:usage} (ADR 0021).
     *
     * @param enabled false stops billing from reading the stream (e.g. a reports-only replica)
     * @param stream the stream routing publishes to ({@code UsageEvent.STREAM})
     * @param deadLetterStream where entries that cannot be parsed or recorded are moved
     * @param group the consumer group ({@code UsageEvent.BILLING_GROUP})
     * @param consumerName this instance's name in the consumer group; empty means host name and
     *     process id. Give each replica its own, stable one (the pod name) so a restarted replica
     *     continues its own pending entries.
     * @param batchSize entries read per {@code XREADGROUP}
     * @param linger the wait after a read that returned fewer than {@code batchSize} entries, so that
     *     the next read gathers more into one ledger transaction; a recorded request's budget settle
     *     comes this much later at most
     * @param block how long one read waits for new entries
     * @param reclaimIdle a pending entry idle this long belongs to a consumer presumed dead and is
     *     claimed ({@code XAUTOCLAIM}); longer than the slowest expected ledger write
     * @param reclaimEvery how often pending entries are looked at and the lag gauge refreshed
     * @param retryMin the first wait after Redis or the database failed
     * @param retryMax the longest wait between retries
     */
    public record Usage(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("aigw:usage") @NotBlank String stream,
            @DefaultValue("aigw:usage:dead") @NotBlank String deadLetterStream,
            @DefaultValue("billing") @NotBlank String group,
            @DefaultValue("") String consumerName,
            @DefaultValue("100") int batchSize,
            @DefaultValue("50ms") @NotNull Duration linger,
            @DefaultValue("1s") @NotNull Duration block,
            @DefaultValue("60s") @NotNull Duration reclaimIdle,
            @DefaultValue("10s") @NotNull Duration reclaimEvery,
            @DefaultValue("200ms") @NotNull Duration retryMin,
            @DefaultValue("10s") @NotNull Duration retryMax) {}

    @Override
    public String toString() {
        return "BillingProperties[adminToken=****, demoKey=****, demoTenant=" + demoTenant + ", demoPlan=" + demoPlan
                + ", keyCacheTtl=" + keyCacheTtl + ", usage=" + usage + ", budgets=" + budgets + ", tenantAdmins="
                + tenantAdmins.stream().map(TenantAdmin::tenant).toList() + "]";
    }
}
