-- Tenants, gateway keys and plans. Portable SQL: runs unchanged on PostgreSQL and on H2 in
-- PostgreSQL mode (ADR 0020). Money is NUMERIC, never floating point. A NULL limit is unlimited.

CREATE TABLE plans (
    name                 VARCHAR(32)    NOT NULL PRIMARY KEY,
    requests_per_day     BIGINT         CHECK (requests_per_day > 0),
    tokens_per_day       BIGINT         CHECK (tokens_per_day > 0),
    requests_per_minute  BIGINT         CHECK (requests_per_minute > 0),
    tokens_per_minute    BIGINT         CHECK (tokens_per_minute > 0),
    max_tier             INTEGER        NOT NULL CHECK (max_tier BETWEEN 1 AND 3),
    -- comma-separated model and group names; empty allows every model and group
    allowed_models       VARCHAR(2000)  NOT NULL,
    monthly_budget_usd   NUMERIC(20, 6) CHECK (monthly_budget_usd >= 0),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE tenants (
    id                   VARCHAR(64)    NOT NULL PRIMARY KEY,
    display_name         VARCHAR(200)   NOT NULL,
    plan                 VARCHAR(32)    NOT NULL REFERENCES plans (name),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Never the key: its SHA-256 (hex) and a short visible prefix.
CREATE TABLE gateway_keys (
    id                   VARCHAR(40)    NOT NULL PRIMARY KEY,
    tenant_id            VARCHAR(64)    NOT NULL REFERENCES tenants (id),
    name                 VARCHAR(200)   NOT NULL,
    prefix               VARCHAR(16)    NOT NULL,
    key_hash             VARCHAR(64)    NOT NULL UNIQUE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE,
    revoked_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX gateway_keys_tenant ON gateway_keys (tenant_id);

-- The shipped plans, editable through the admin API. The limits are the gateway's configured defaults
-- (ADR 0010), so switching the gateway's plan source to billing changes no tenant's limits.
INSERT INTO plans (name, requests_per_day, tokens_per_day, requests_per_minute, tokens_per_minute, max_tier,
                   allowed_models, monthly_budget_usd, updated_at)
VALUES ('free', 1000, 1000000, 20, 40000, 1, 'llama-3-8b,gpt-4o-mini,auto', 5.000000, CURRENT_TIMESTAMP),
       ('basic', 20000, 10000000, 120, 300000, 2, '', 100.000000, CURRENT_TIMESTAMP),
       ('pro', 500000, 200000000, 1200, 2000000, 3, '', 2000.000000, CURRENT_TIMESTAMP),
       ('enterprise', NULL, NULL, NULL, NULL, 3, '', NULL, CURRENT_TIMESTAMP);
