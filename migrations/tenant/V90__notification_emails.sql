-- E-mail delivery of in-app notifications (an outbox, vn.cong.workflow.NotificationEmails).
-- pending: to send (again after email_next_at); sending: claimed by a node (email_claimed_at);
-- sent; skipped: the account has no e-mail address or is revoked; expired: older than the job's
-- max-age when its turn came (e.g. after a long SMTP outage or while mail was off); failed: every
-- attempt failed (email_error says why).
-- Notifications written before this migration were shown in the app only: they are not mailed now.
ALTER TABLE notifications
    ADD COLUMN email_status     text NOT NULL DEFAULT 'expired'
        CHECK (email_status IN ('pending', 'sending', 'sent', 'skipped', 'expired', 'failed')),
    ADD COLUMN email_attempts   int  NOT NULL DEFAULT 0,
    ADD COLUMN email_next_at    timestamptz,
    ADD COLUMN email_claimed_at timestamptz,
    ADD COLUMN email_done_at    timestamptz,
    ADD COLUMN email_error      text;
ALTER TABLE notifications ALTER COLUMN email_status SET DEFAULT 'pending';
CREATE INDEX notifications_email_outbox ON notifications (id) WHERE email_status IN ('pending', 'sending');
