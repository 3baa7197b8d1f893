-- The platform schema holds only what the platform needs to find and run tenants.
CREATE TABLE tenants (
    code             text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,30}$'),
    name_vi          text NOT NULL,
    name_en          text NOT NULL,
    -- host label: the ministry is 'www' (also answers on the bare base domain), members '<abbrev>'
    abbreviation     text NOT NULL UNIQUE CHECK (abbreviation ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    parent_code      text REFERENCES tenants (code),
    schema_name      text NOT NULL UNIQUE CHECK (schema_name ~ '^t_[a-z][a-z0-9_]{1,30}$'),
    -- shard map for growing past one PostgreSQL cluster; 'default' is the platform's own
    database_name    text NOT NULL DEFAULT 'default',
    theme            text NOT NULL DEFAULT 'default',
    -- requested -> active -> suspended -> merged / archived
    status           text NOT NULL DEFAULT 'active'
                     CHECK (status IN ('requested', 'active', 'suspended', 'merged', 'archived')),
    status_notice    text,
    migration_status text NOT NULL DEFAULT 'pending' CHECK (migration_status IN ('pending', 'ok', 'failed')),
    migration_error  text,
    -- bumped on every publish: part of every cached page key, so all nodes see fresh pages
    content_version  bigint NOT NULL DEFAULT 1,
    settings         jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Aliases: a member's own domains. Primary hosts are derived from the abbreviation and the
-- configured base domain, so the same registry serves production and local runs.
CREATE TABLE domain_aliases (
    host        text PRIMARY KEY CHECK (host = lower(host)),
    tenant_code text NOT NULL REFERENCES tenants (code) ON DELETE CASCADE
);

-- Independent member portals: only linked from the parent's directory (and monitored).
CREATE TABLE linked_sites (
    id          bigserial PRIMARY KEY,
    tenant_code text NOT NULL REFERENCES tenants (code) ON DELETE CASCADE,
    name_vi     text NOT NULL,
    name_en     text NOT NULL,
    url         text NOT NULL,
    position    int  NOT NULL DEFAULT 0,
    UNIQUE (tenant_code, url)
);

CREATE TABLE registry_version (
    id      int PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO registry_version VALUES (1, 1);
