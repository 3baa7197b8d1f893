-- What a running backup is doing right now (shown in the console while it runs), who asked for it,
-- and when its verification started.
ALTER TABLE backup_runs ADD COLUMN phase text;
ALTER TABLE backup_runs ADD COLUMN requested_by text;
ALTER TABLE backup_runs ADD COLUMN verification_started_at timestamptz;

-- Restores started by the operator run in the background; this row is what the console and the
-- API poll. mode 'same': into the tenant the backup came from (after a fresh safety backup);
-- 'new': as a new tenant with its own code and host label.
CREATE TABLE restore_runs (
    id             bigserial PRIMARY KEY,
    backup_run_id  bigint NOT NULL REFERENCES backup_runs (id),
    tenant_code    text NOT NULL,               -- the tenant the backup belongs to
    mode           text NOT NULL CHECK (mode IN ('same', 'new')),
    target_code    text NOT NULL,               -- = tenant_code for 'same'
    abbreviation   text,                        -- host label of a new tenant
    status         text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
    safety_run_id  bigint REFERENCES backup_runs (id),
    error          text,
    requested_by   text NOT NULL,
    started_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz
);
CREATE INDEX restore_runs_tenant ON restore_runs (tenant_code, started_at DESC);
-- one restore at a time into a tenant: a second one would race the first over the same schema
CREATE UNIQUE INDEX restore_runs_one_running ON restore_runs (target_code) WHERE status = 'running';
