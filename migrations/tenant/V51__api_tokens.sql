-- Per-account API tokens for document-management systems that push items in (Bearer auth on the
-- tenant's own hosts, under /api/v1). Only the SHA-256 of a token is kept; the token itself is shown
-- once, to the tenant admin who issues it. A token acts with its account's roles, as the account would.
CREATE TABLE api_tokens (
    id           bigserial PRIMARY KEY,
    account_id   bigint NOT NULL REFERENCES accounts (id),
    name         text   NOT NULL,
    token_hash   text   NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_by   bigint REFERENCES accounts (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);
