-- When the next actor was reminded of an item's approaching deadline (once per run and deadline).
ALTER TABLE workflow_runs ADD COLUMN reminded_at timestamptz;
