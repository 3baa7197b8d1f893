-- A backup, verification or restore under way is kept alive by its node: every few seconds the node writes
-- heartbeat_at. A run whose heartbeat is older than cong.backup.heartbeat.limit was cut off (its node died)
-- and is marked failed by the backup job instead of staying "running" for ever.
ALTER TABLE backup_runs ADD COLUMN heartbeat_at timestamptz;
ALTER TABLE restore_runs ADD COLUMN heartbeat_at timestamptz;
