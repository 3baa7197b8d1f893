-- Integrity checks [002 Đ6.1]: every run (daily, operator, command) and what it found, so the
-- operator console can show them. A scheduled run names its slot: the unique key lets exactly one
-- node claim it (INSERT … ON CONFLICT DO NOTHING).
CREATE TABLE integrity_runs (
    id              bigserial PRIMARY KEY,
    trigger         text NOT NULL CHECK (trigger IN ('scheduled', 'operator', 'command')),
    slot            timestamptz UNIQUE,
    tenant_code     text,                  -- the one tenant checked; null: every tenant
    requested_by    text,
    node            text NOT NULL,
    status          text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'clean', 'findings', 'failed')),
    tenants_checked int    NOT NULL DEFAULT 0,
    items_checked   bigint NOT NULL DEFAULT 0,
    events_checked  bigint NOT NULL DEFAULT 0,
    findings        int    NOT NULL DEFAULT 0,
    error           text,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);
CREATE INDEX integrity_runs_recent ON integrity_runs (started_at DESC);

CREATE TABLE integrity_findings (
    id          bigserial PRIMARY KEY,
    run_id      bigint NOT NULL REFERENCES integrity_runs (id) ON DELETE CASCADE,
    tenant_code text   NOT NULL,
    -- content_changed, content_unfingerprinted, fingerprint_replaced, state_changed, item_removed,
    -- event_altered, event_missing, chain_head_mismatch, chain_rewritten
    kind        text   NOT NULL,
    item_id     bigint,
    event_id    bigint,
    event_seq   bigint,
    summary     text   NOT NULL,
    -- [{field, before, after}] for content changed outside the workflow
    changes     jsonb  NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX integrity_findings_run ON integrity_findings (run_id, id);

-- The chain head each tenant had at its last clean check, kept outside the tenant's schema: a chain
-- rewritten from an earlier event onwards (every hash recomputed) no longer contains it.
CREATE TABLE integrity_chain_anchors (
    tenant_code text   PRIMARY KEY REFERENCES tenants (code) ON DELETE CASCADE,
    seq         bigint NOT NULL,
    hash        text   NOT NULL,
    run_id      bigint,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
