-- Reminders the editorial board gives a unit that supplied information late or wrongly (seed 003 Đ18):
-- a unit's reminders in a calendar year decide its emulation grade (3 → one grade down, 5 → two, more
-- than 5 → its head "did not complete duties"). Rows are never changed: history is kept as recorded.
CREATE TABLE unit_reminders (
    id          bigserial PRIMARY KEY,
    unit_id     bigint NOT NULL REFERENCES org_units (id) ON DELETE CASCADE,
    reminded_on date   NOT NULL,
    reason      text   NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
    recorded_by bigint REFERENCES accounts (id) ON DELETE SET NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unit_reminders_unit_day ON unit_reminders (unit_id, reminded_on);
