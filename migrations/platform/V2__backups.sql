-- Backup runs of tenants and their verification: the proof that backups can be restored.
CREATE TABLE backup_runs (
    id                  bigserial PRIMARY KEY,
    tenant_code         text NOT NULL,
    trigger             text NOT NULL DEFAULT 'manual' CHECK (trigger IN ('manual', 'scheduled', 'pre-restore')),
    status              text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
    path                text,
    size_bytes          bigint,
    error               text,
    started_at          timestamptz NOT NULL DEFAULT now(),
    finished_at         timestamptz,
    verification_status text CHECK (verification_status IN ('passed', 'failed')),
    verification_detail text,
    verified_at         timestamptz
);
CREATE INDEX backup_runs_tenant ON backup_runs (tenant_code, started_at DESC);
