-- Uptime monitoring: one probe round per interval slot (claimed once across nodes), a check per
-- target per round, incidents opened after N consecutive failures and closed on recovery.
CREATE TABLE uptime_rounds (
    slot        timestamptz PRIMARY KEY,     -- start of the interval this round covers
    node        text NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);

CREATE TABLE uptime_checks (
    id          bigserial PRIMARY KEY,
    slot        timestamptz NOT NULL REFERENCES uptime_rounds (slot) ON DELETE CASCADE,
    target      text NOT NULL,               -- 'tenant:<code>' or 'site:<id>'
    tenant_code text,                        -- the tenant the target belongs to (a linked site: its parent)
    url         text NOT NULL,
    ok          boolean NOT NULL,
    status      int,
    latency_ms  int,
    error       text,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX uptime_checks_target ON uptime_checks (target, slot DESC);

CREATE TABLE uptime_incidents (
    id          bigserial PRIMARY KEY,
    target      text NOT NULL,
    tenant_code text,
    url         text NOT NULL,
    opened_at   timestamptz NOT NULL,
    closed_at   timestamptz,
    last_error  text
);
CREATE UNIQUE INDEX uptime_incidents_one_open ON uptime_incidents (target) WHERE closed_at IS NULL;
