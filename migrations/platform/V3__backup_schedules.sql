-- A backup schedule per tenant. next_run_at is claimed with SELECT … FOR UPDATE SKIP LOCKED and
-- moved forward in the same transaction, so with N platform nodes each slot runs exactly once.
CREATE TABLE backup_schedules (
    tenant_code    text PRIMARY KEY REFERENCES tenants (code) ON DELETE CASCADE,
    cron           text NOT NULL,                 -- presets: twice a week, daily; any cron otherwise
    keep_daily     int  NOT NULL DEFAULT 14,      -- every backup of the last N days is kept
    keep_weekly    int  NOT NULL DEFAULT 12,      -- then the newest backup of each of the last N weeks
    verify         boolean NOT NULL DEFAULT true, -- restore-test each backup right after it is taken
    next_run_at    timestamptz NOT NULL,
    last_run_id    bigint
);
ALTER TABLE backup_runs ADD COLUMN deleted_at timestamptz;
