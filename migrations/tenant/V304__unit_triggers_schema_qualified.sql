-- The unit-mapping triggers of V300 named their tables and helpers without a schema, so a write made with
-- another search_path (psql, a repair script, tests writing through JDBC) failed with "function unit_named(text)
-- does not exist". As the event chain's trigger does (V40), they now qualify everything through TG_TABLE_SCHEMA:
-- no fixed schema name is stored, so a tenant restored under another code keeps working.
CREATE OR REPLACE FUNCTION workflow_runs_map_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('SELECT min(id) FROM %1$I.org_units WHERE %1$I.unit_key(name) = %1$I.unit_key($1) AND %1$I.unit_key($1) <> ''''',
                   TG_TABLE_SCHEMA)
        INTO NEW.submitter_unit_id USING NEW.submitter_unit;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION accounts_map_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('SELECT min(id) FROM %1$I.org_units WHERE %1$I.unit_key(name) = %1$I.unit_key($1) AND %1$I.unit_key($1) <> ''''',
                   TG_TABLE_SCHEMA)
        INTO NEW.unit_id USING NEW.unit;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION org_units_remap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    named text := format('(SELECT min(u.id) FROM %1$I.org_units u WHERE %1$I.unit_key(u.name) = %1$I.unit_key(%%s) AND %1$I.unit_key(%%s) <> '''')',
                         TG_TABLE_SCHEMA);
BEGIN
    EXECUTE format('UPDATE %I.workflow_runs SET submitter_unit_id = ' || format(named, 'submitter_unit', 'submitter_unit')
                   || ' WHERE submitter_unit_id IS DISTINCT FROM ' || format(named, 'submitter_unit', 'submitter_unit')
                   || ' AND (submitter_unit_id = $1 OR %I.unit_key(submitter_unit) = %I.unit_key($2))',
                   TG_TABLE_SCHEMA, TG_TABLE_SCHEMA, TG_TABLE_SCHEMA)
        USING NEW.id, NEW.name;
    EXECUTE format('UPDATE %I.accounts SET unit_id = ' || format(named, 'unit', 'unit')
                   || ' WHERE unit_id IS DISTINCT FROM ' || format(named, 'unit', 'unit')
                   || ' AND (unit_id = $1 OR %I.unit_key(unit) = %I.unit_key($2))',
                   TG_TABLE_SCHEMA, TG_TABLE_SCHEMA, TG_TABLE_SCHEMA)
        USING NEW.id, NEW.name;
    RETURN NULL;
END $$;
