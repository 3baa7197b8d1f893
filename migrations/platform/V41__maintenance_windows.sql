-- Planned maintenance [000 Đ7.1b]: announced by the operator for some tenants or all, shown as a
-- banner on the affected portals and on the status page, and not counted as downtime.
CREATE TABLE maintenance_windows (
    id           bigserial PRIMARY KEY,
    all_tenants  boolean NOT NULL DEFAULT false,
    tenant_codes text[]  NOT NULL DEFAULT '{}',
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL CHECK (ends_at > starts_at),
    message_vi   text NOT NULL CHECK (message_vi <> ''),
    message_en   text NOT NULL CHECK (message_en <> ''),
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    cancelled_at timestamptz,
    cancelled_by text,
    -- what the portals' banner shows now: pending (not yet), announced (lead time), underway, over.
    -- Moved by whichever node sees a boundary first; the move bumps the affected content versions.
    banner_phase text NOT NULL DEFAULT 'pending' CHECK (banner_phase IN ('pending', 'announced', 'underway', 'over')),
    CHECK (all_tenants OR cardinality(tenant_codes) > 0)
);
CREATE INDEX maintenance_windows_open ON maintenance_windows (ends_at) WHERE cancelled_at IS NULL;

-- Whether an uptime check of a tenant portal fell in a maintenance window of that tenant. A window
-- counts only from its announcement: announcing one afterwards does not excuse earlier downtime.
-- Linked independent sites are not hosted here, so the platform's maintenance never covers them.
CREATE FUNCTION in_maintenance(check_target text, check_tenant text, checked_at timestamptz) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT check_target LIKE 'tenant:%' AND EXISTS (
        SELECT 1 FROM platform.maintenance_windows w
        WHERE w.cancelled_at IS NULL
          AND checked_at >= greatest(w.starts_at, w.created_at) AND checked_at < w.ends_at
          AND (w.all_tenants OR check_tenant = ANY (w.tenant_codes)))
$$;

-- What a window's banner shows at a time, given the lead time before it: the boundary job compares
-- this with banner_phase to know when the affected portals' cached pages must change.
CREATE FUNCTION maintenance_phase(starts_at timestamptz, ends_at timestamptz, lead interval, at_time timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN at_time >= ends_at THEN 'over'
                WHEN at_time >= starts_at THEN 'underway'
                WHEN at_time >= starts_at - lead THEN 'announced'
                ELSE 'pending' END
$$;
