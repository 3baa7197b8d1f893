-- Units (phòng, vụ, trường, …): the organisation chart's rows grow into the one unit entity that
-- questions and feedback are routed to and that the reports count quotas by [000 Đ9.1a, 9.1b, 9.2;
-- 003 Đ14.2; 004 §1: units under the duty to supply items, and bodies outside the ministry].
ALTER TABLE org_units
    ADD COLUMN head_name        text    NOT NULL DEFAULT '',
    -- cán bộ đầu mối: the staff account that receives what is routed to the unit
    ADD COLUMN focal_account_id bigint  REFERENCES accounts (id),
    ADD COLUMN email            text    NOT NULL DEFAULT '',
    -- under the duty to supply items to the portal (quota counted)
    ADD COLUMN supplies_items   boolean NOT NULL DEFAULT true,
    -- an organisation outside the ministry (seed 004 counts their contributions apart)
    ADD COLUMN outside          boolean NOT NULL DEFAULT false;

-- A unit is found by its name whatever the case and surrounding spaces of the typed text.
CREATE FUNCTION unit_key(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT lower(regexp_replace(btrim(coalesce(name, '')), '\s+', ' ', 'g'))
$$;
CREATE INDEX org_units_key ON org_units (unit_key(name));

-- The free-text submitting unit of a submission and the unit of an account stay as typed; the unit they
-- name, when one matches, is kept beside them. One rule in the database covers every writer (staff
-- screens, the API, the demo, imports) and a unit added or renamed later picks up the rows that name it.
ALTER TABLE workflow_runs ADD COLUMN submitter_unit_id bigint REFERENCES org_units (id) ON DELETE SET NULL;
ALTER TABLE accounts ADD COLUMN unit_id bigint REFERENCES org_units (id) ON DELETE SET NULL;

CREATE FUNCTION unit_named(text) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT min(id) FROM org_units WHERE unit_key(name) = unit_key($1) AND unit_key($1) <> ''
$$;

CREATE FUNCTION workflow_runs_map_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.submitter_unit_id := unit_named(NEW.submitter_unit);
    RETURN NEW;
END $$;
CREATE TRIGGER workflow_runs_map_unit BEFORE INSERT OR UPDATE OF submitter_unit ON workflow_runs
    FOR EACH ROW EXECUTE FUNCTION workflow_runs_map_unit();

CREATE FUNCTION accounts_map_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.unit_id := unit_named(NEW.unit);
    RETURN NEW;
END $$;
CREATE TRIGGER accounts_map_unit BEFORE INSERT OR UPDATE OF unit ON accounts
    FOR EACH ROW EXECUTE FUNCTION accounts_map_unit();

CREATE FUNCTION org_units_remap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE workflow_runs SET submitter_unit_id = unit_named(submitter_unit)
        WHERE submitter_unit_id IS DISTINCT FROM unit_named(submitter_unit)
          AND (submitter_unit_id = NEW.id OR unit_key(submitter_unit) = unit_key(NEW.name));
    UPDATE accounts SET unit_id = unit_named(unit)
        WHERE unit_id IS DISTINCT FROM unit_named(unit)
          AND (unit_id = NEW.id OR unit_key(unit) = unit_key(NEW.name));
    RETURN NULL;
END $$;
CREATE TRIGGER org_units_remap AFTER INSERT OR UPDATE OF name ON org_units
    FOR EACH ROW EXECUTE FUNCTION org_units_remap();

UPDATE workflow_runs SET submitter_unit_id = unit_named(submitter_unit);
UPDATE accounts SET unit_id = unit_named(unit);
