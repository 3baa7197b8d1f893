-- Where a tenant's backup schedule comes from: its regulation profile's backup frequency ('profile',
-- followed whenever the profile changes) or the operator ('operator', kept until the operator returns the
-- tenant to its profile). Schedules other than the platform's former default were set by an operator.
ALTER TABLE backup_schedules ADD COLUMN source text NOT NULL DEFAULT 'profile' CHECK (source IN ('profile', 'operator'));
UPDATE backup_schedules SET source = 'operator' WHERE cron <> '0 30 1 * * MON,THU';
