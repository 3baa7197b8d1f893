-- Notification e-mails move to the platform's one outbox (platform.outbox, kind 'notification-email',
-- payload {"notification": id}; vn.cong.workflow.NotificationEmails delivers them). Every notification
-- written from now on is enqueued by the trigger below, in the transaction that writes it, whichever
-- code path writes it (the workflow's steps, deadline reminders, the dormant-accounts job).
-- The schema's name is t_<tenant code>.
INSERT INTO platform.outbox (tenant_code, kind, payload, status, attempts, next_at, claimed_at, done_at, last_error, created_at)
SELECT substr(current_schema(), 3), 'notification-email', jsonb_build_object('notification', id), email_status, email_attempts,
       coalesce(email_next_at, created_at), email_claimed_at, email_done_at, email_error, created_at
FROM notifications
-- rows written before notification e-mails existed were never meant to be mailed (expired, never done)
WHERE NOT (email_status = 'expired' AND email_done_at IS NULL)
ORDER BY id;

DROP INDEX notifications_email_outbox;
ALTER TABLE notifications
    DROP COLUMN email_status,
    DROP COLUMN email_attempts,
    DROP COLUMN email_next_at,
    DROP COLUMN email_claimed_at,
    DROP COLUMN email_done_at,
    DROP COLUMN email_error;

CREATE FUNCTION notification_email_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO platform.outbox (tenant_code, kind, payload)
    VALUES (substr(TG_TABLE_SCHEMA, 3), 'notification-email', jsonb_build_object('notification', NEW.id));
    RETURN NULL;
END
$$;

CREATE TRIGGER notifications_email_outbox AFTER INSERT ON notifications
    FOR EACH ROW EXECUTE FUNCTION notification_email_outbox();
