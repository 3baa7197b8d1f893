-- Every action of the platform operator, through the operator API or the console, successful or
-- not (logins and failed logins included). Append-only: the database itself refuses to change or
-- remove a row, so the record holds even against a bug or a careless hand in psql.
CREATE TABLE operator_audit (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT now(),
    actor          text NOT NULL,               -- the operator's name, or what a failed login tried
    action         text NOT NULL,               -- e.g. ops.backup.start, ops.login.failed
    tenant_code    text,
    details        jsonb NOT NULL DEFAULT '{}',
    outcome        text NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed')),
    remote_address text,
    channel        text NOT NULL CHECK (channel IN ('api', 'console'))
);
CREATE INDEX operator_audit_at ON operator_audit (at DESC);
CREATE INDEX operator_audit_tenant ON operator_audit (tenant_code, at DESC);
CREATE INDEX operator_audit_action ON operator_audit (action, at DESC);

CREATE FUNCTION operator_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'operator_audit is append-only: % refused', TG_OP;
END $$;
CREATE TRIGGER operator_audit_no_update_delete BEFORE UPDATE OR DELETE ON operator_audit
    FOR EACH ROW EXECUTE FUNCTION operator_audit_append_only();
CREATE TRIGGER operator_audit_no_truncate BEFORE TRUNCATE ON operator_audit
    FOR EACH STATEMENT EXECUTE FUNCTION operator_audit_append_only();
