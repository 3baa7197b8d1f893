-- One outbox for everything the platform sends after a change commits (vn.cong.tenancy.outbox):
-- e-mail today, notifications and webhooks later. A message is written in the transaction of the
-- change that caused it and delivered afterwards by the handler of its kind, claimed once across
-- nodes (FOR UPDATE SKIP LOCKED), retried with exponential back-off, then marked failed.
-- tenant_code: the tenant the message belongs to (NULL: the platform's own, e.g. operator alerts).
-- The table stays in `platform` so a tenant's restore never brings back (and re-sends) old messages;
-- every read of a tenant's messages binds its code (Outbox.messages(Tenant, …)).
-- pending: to deliver (at next_at); sending: claimed by a node at claimed_at; sent; skipped: the
-- handler found nothing to deliver (e.g. a revoked account); expired: older than its kind's max age
-- when its turn came; failed: every attempt failed (last_error says why).
CREATE TABLE outbox (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_code text REFERENCES tenants (code),
    kind        text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9.-]{0,62}$'),
    payload     jsonb       NOT NULL,
    status      text        NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'expired', 'failed')),
    attempts    int         NOT NULL DEFAULT 0,
    next_at     timestamptz NOT NULL DEFAULT now(),
    claimed_at  timestamptz,
    done_at     timestamptz,
    last_error  text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_due ON outbox (tenant_code, id) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_tenant_latest ON outbox (tenant_code, id DESC);
