-- One root portal per base domain [issue 16, item 1]: a second tenant without a parent would take
-- over the bare base domain. Today there is one base domain, so at most one row may have no parent.
-- When the governance issue gives each root its own `domain`, this index becomes
--   CREATE UNIQUE INDEX tenants_one_root_per_domain ON tenants (domain) WHERE parent_code IS NULL;
DO $$
BEGIN
    IF (SELECT count(*) FROM tenants WHERE parent_code IS NULL) > 1 THEN
        RAISE EXCEPTION 'More than one tenant without a parent (%): give all but the root portal a parent_code, then start again',
            (SELECT string_agg(code, ', ' ORDER BY code) FROM tenants WHERE parent_code IS NULL);
    END IF;
END $$;
CREATE UNIQUE INDEX tenants_one_root_per_domain ON tenants ((parent_code IS NULL)) WHERE parent_code IS NULL;

-- A lost schema [issue 16, item 2]: 'missing' when a tenant's schema was migrated once and is gone.
-- Such a tenant answers 503 until it is restored; start-up never re-creates it empty.
ALTER TABLE tenants DROP CONSTRAINT tenants_migration_status_check;
ALTER TABLE tenants ADD CONSTRAINT tenants_migration_status_check
    CHECK (migration_status IN ('pending', 'ok', 'failed', 'missing'));
-- when the schema was first migrated: only a tenant whose schema never existed gets one created
ALTER TABLE tenants ADD COLUMN schema_migrated_at timestamptz;
UPDATE tenants SET schema_migrated_at = updated_at WHERE to_regnamespace(schema_name) IS NOT NULL;

-- A restore into a new tenant names it (it keeps the original's parent); a restore into the same
-- tenant whose schema is gone cannot take its safety backup first, and says why.
ALTER TABLE restore_runs ADD COLUMN name_vi text;
ALTER TABLE restore_runs ADD COLUMN name_en text;
ALTER TABLE restore_runs ADD COLUMN safety_skipped text;
