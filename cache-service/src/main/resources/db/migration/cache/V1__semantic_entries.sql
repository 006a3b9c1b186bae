-- Semantic cache entries. Needs the pgvector extension (0.8+ for iterative index scans); creating
-- it needs a role that may, so on a managed server create it once beforehand.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE cache_semantic_entry (
    id            bigserial    PRIMARY KEY,
    tenant        text         NOT NULL,
    model         text         NOT NULL,
    -- SHA-256 hex of tenant, model, system prompt, tools, response format and earlier turns
    scope         char(64)     NOT NULL,
    prompt        text         NOT NULL,
    response_json text         NOT NULL,
    cost_usd      numeric(20, 10),
    stored_at     timestamptz  NOT NULL,
    expires_at    timestamptz  NOT NULL,
    embedding     vector(384)  NOT NULL
);

-- cosine distance, the operator the lookup orders by (<=>)
CREATE INDEX cache_semantic_entry_embedding_hnsw
    ON cache_semantic_entry USING hnsw (embedding vector_cosine_ops);
CREATE INDEX cache_semantic_entry_scope ON cache_semantic_entry (scope, expires_at);
CREATE INDEX cache_semantic_entry_tenant_model ON cache_semantic_entry (tenant, model);
CREATE INDEX cache_semantic_entry_expires ON cache_semantic_entry (expires_at);
