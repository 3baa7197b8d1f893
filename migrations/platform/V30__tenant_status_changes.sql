-- Lifecycle of a portal (requested -> active -> suspended -> merged / archived) [000 Đ8.5–8.6]:
-- every change is kept, never overwritten, with who made it and the notice shown to readers.
CREATE TABLE tenant_status_changes (
    id          bigserial PRIMARY KEY,
    tenant_code text NOT NULL REFERENCES tenants (code) ON DELETE CASCADE,
    from_status text NOT NULL,
    to_status   text NOT NULL,
    notice      text,
    actor       text NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tenant_status_changes_by_tenant ON tenant_status_changes (tenant_code, changed_at);
