-- Issue 16 item 4: a second factor (TOTP, RFC 6238), recovery codes, the security briefing.

-- The account's TOTP secret (Base32). totp_pending_secret is a secret shown for enrolment and not yet
-- confirmed by a code; totp_enabled_at is set once a code confirmed it. totp_last_step is the time step of
-- the last code accepted: a code is never accepted twice (no replay within its 30-second window).
ALTER TABLE accounts ADD COLUMN totp_secret text;
ALTER TABLE accounts ADD COLUMN totp_pending_secret text;
ALTER TABLE accounts ADD COLUMN totp_enabled_at timestamptz;
ALTER TABLE accounts ADD COLUMN totp_last_step bigint;
ALTER TABLE accounts ADD CONSTRAINT accounts_totp_enabled CHECK ((totp_enabled_at IS NULL) = (totp_secret IS NULL));

-- When the person acknowledged the security briefing (seed 001 Đ5.1a). Accounts from before the briefing
-- existed were already in use: they count as acknowledged when they were created.
ALTER TABLE accounts ADD COLUMN briefing_acknowledged_at timestamptz;
UPDATE accounts SET briefing_acknowledged_at = created_at;

-- Ten one-time recovery codes per enrolment, Argon2id-hashed like passwords; a used code keeps its row.
CREATE TABLE recovery_codes (
    id         bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash  text NOT NULL,
    used_at    timestamptz
);
CREATE INDEX recovery_codes_account ON recovery_codes (account_id) WHERE used_at IS NULL;

-- The tenant's policy: a second factor required for tenant admins, heads and deputy heads (on by default),
-- and the briefing acknowledged by every new account before first use (on by default).
ALTER TABLE account_settings ADD COLUMN mfa_required_for_leaders boolean NOT NULL DEFAULT true;
ALTER TABLE account_settings ADD COLUMN briefing_required boolean NOT NULL DEFAULT true;
