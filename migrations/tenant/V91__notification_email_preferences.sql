-- A staff member may turn the workflow's notification e-mails off (they still see them in the app).
-- No row = e-mails on.
CREATE TABLE notification_preferences (
    account_id bigint PRIMARY KEY REFERENCES accounts (id),
    email      boolean NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
