-- One row per finished request (ADR 0021). request_id is the primary key and so the idempotency guard:
-- a redelivered or republished event is counted once. Each row carries the prices that applied, so a
-- later price change never rewrites history. Money is exact NUMERIC, never floating point. Portable SQL
-- (ADR 0020).
CREATE TABLE usage_ledger (
    request_id                   VARCHAR(128)    NOT NULL PRIMARY KEY,
    tenant_id                    VARCHAR(64)     NOT NULL,
    key_id                       VARCHAR(64),
    requested_model              VARCHAR(200),
    model                        VARCHAR(200),
    provider                     VARCHAR(100),
    tier                         INTEGER         NOT NULL CHECK (tier BETWEEN 0 AND 3),
    prompt_tokens                BIGINT          NOT NULL CHECK (prompt_tokens >= 0),
    completion_tokens            BIGINT          NOT NULL CHECK (completion_tokens >= 0),
    cached_prompt_tokens         BIGINT          NOT NULL CHECK (cached_prompt_tokens >= 0),
    cost_usd                     NUMERIC(24, 12) NOT NULL CHECK (cost_usd >= 0),
    saved_usd                    NUMERIC(24, 12) NOT NULL CHECK (saved_usd >= 0),
    top_tier_cost_usd            NUMERIC(24, 12) NOT NULL CHECK (top_tier_cost_usd >= 0),
    escalations                  INTEGER         NOT NULL CHECK (escalations >= 0),
    escalation_cost_usd          NUMERIC(24, 12) NOT NULL CHECK (escalation_cost_usd >= 0),
    cache_result                 VARCHAR(16)     NOT NULL,
    attempts                     INTEGER         NOT NULL,
    status                       INTEGER         NOT NULL,
    latency_ms                   BIGINT          NOT NULL,
    occurred_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the UTC day of occurred_at, so reports group by day the same way on both databases
    usage_day                    DATE            NOT NULL,
    input_price_per_mtok         NUMERIC(20, 10),
    output_price_per_mtok        NUMERIC(20, 10),
    cached_input_price_per_mtok  NUMERIC(20, 10),
    hold_id                      VARCHAR(128),
    stream_entry_id              VARCHAR(40)     NOT NULL,
    recorded_at                  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX usage_ledger_day_tenant ON usage_ledger (usage_day, tenant_id);
CREATE INDEX usage_ledger_tenant_day ON usage_ledger (tenant_id, usage_day);
