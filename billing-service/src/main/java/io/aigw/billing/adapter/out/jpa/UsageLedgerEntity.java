package io.aigw.billing.adapter.out.jpa;

import io.aigw.billing.domain.UsageRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A ledger row; written once, never updated. */
@Entity
@Table(name = "usage_ledger")
public class UsageLedgerEntity extends NewAware {

    @Id
    @Column(name = "request_id", length = 128)
    private String requestId;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "key_id", length = 64)
    private String keyId;

    @Column(name = "requested_model", length = 200)
    private String requestedModel;

    @Column(name = "model", length = 200)
    private String model;

    @Column(name = "provider", length = 100)
    private String provider;

    @Column(name = "tier", nullable = false)
    private int tier;

    @Column(name = "prompt_tokens", nullable = false)
    private long promptTokens;

    @Column(name = "completion_tokens", nullable = false)
    private long completionTokens;

    @Column(name = "cached_prompt_tokens", nullable = false)
    private long cachedPromptTokens;

    @Column(name = "cost_usd", nullable = false, precision = 24, scale = 12)
    private BigDecimal costUsd;

    @Column(name = "saved_usd", nullable = false, precision = 24, scale = 12)
    private BigDecimal savedUsd;

    @Column(name = "top_tier_cost_usd", nullable = false, precision = 24, scale = 12)
    private BigDecimal topTierCostUsd;

    @Column(name = "escalations", nullable = false)
    private int escalations;

    @Column(name = "escalation_cost_usd", nullable = false, precision = 24, scale = 12)
    private BigDecimal escalationCostUsd;

    @Column(name = "cache_result", nullable = false, length = 16)
    private String cacheResult;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "status", nullable = false)
    private int status;

    @Column(name = "latency_ms", nullable = false)
    private long latencyMs;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "usage_day", nullable = false)
    private LocalDate usageDay;

    @Column(name = "input_price_per_mtok", precision = 20, scale = 10)
    private BigDecimal inputPricePerMtok;

    @Column(name = "output_price_per_mtok", precision = 20, scale = 10)
    private BigDecimal outputPricePerMtok;

    @Column(name = "cached_input_price_per_mtok", precision = 20, scale = 10)
    private BigDecimal cachedInputPricePerMtok;

    @Column(name = "hold_id", length = 128)
    private String holdId;

    @Column(name = "stream_entry_id", nullable = false, length = 40)
    private String streamEntryId;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected UsageLedgerEntity() {}

    static UsageLedgerEntity of(UsageRecord r, Instant recordedAt) {
        UsageLedgerEntity e = new UsageLedgerEntity();
        e.requestId = r.requestId();
        e.tenantId = r.tenantId();
        e.keyId = r.keyId().orElse(null);
        e.requestedModel = r.requestedModel().orElse(null);
        e.model = r.model().orElse(null);
        e.provider = r.provider().orElse(null);
        e.tier = r.tier();
        e.promptTokens = r.promptTokens();
        e.completionTokens = r.completionTokens();
        e.cachedPromptTokens = r.cachedPromptTokens();
        e.costUsd = r.costUsd();
        e.savedUsd = r.savedUsd();
        e.topTierCostUsd = r.topTierCostUsd();
        e.escalations = r.escalations();
        e.escalationCostUsd = r.escalationCostUsd();
        e.cacheResult = r.cache();
        e.attempts = r.attempts();
        e.status = r.status();
        e.latencyMs = r.latencyMs();
        e.occurredAt = r.occurredAt();
        e.usageDay = r.day();
        e.inputPricePerMtok = r.inputPricePerMtok().orElse(null);
        e.outputPricePerMtok = r.outputPricePerMtok().orElse(null);
        e.cachedInputPricePerMtok = r.cachedInputPricePerMtok().orElse(null);
        e.holdId = r.holdId().orElse(null);
        e.streamEntryId = r.streamEntryId();
        e.recordedAt = recordedAt;
        return e;
    }

    @Override
    public String getId() {
        return requestId;
    }
}
