-- Account states of the hardening issue (16).
-- A password that breaks today's rules (12 characters, not a common one) is found at login, when the
-- password is known: the account must then change it before anything else.
ALTER TABLE accounts ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
-- The last successful login, for the daily dormant-accounts job (unused for the tenant's period → dormant).
ALTER TABLE accounts ADD COLUMN last_login_at timestamptz;
UPDATE accounts SET last_login_at = (SELECT max(at) FROM login_attempts a WHERE a.username = accounts.username AND a.succeeded);
ALTER TABLE accounts DROP CONSTRAINT accounts_status_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_status_check CHECK (status IN ('active', 'revoked', 'dormant'));

-- The tenant's account rules (one row). dormant_after_days: an active account not used for this many
-- days is set 'dormant' by the daily job, and the tenant admins are told.
CREATE TABLE account_settings (
    only_row           boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    dormant_after_days integer NOT NULL DEFAULT 45 CHECK (dormant_after_days BETWEEN 1 AND 3650)
);
INSERT INTO account_settings DEFAULT VALUES;
