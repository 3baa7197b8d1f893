-- Each year every unit is asked to update its statistics, phone directory, strategies and plans, projects
-- and procurement, and research programmes on the portal (seed 001 Đ9.1). One row per unit and year: a
-- unit is asked once a year whichever node runs the job, and how often it was asked stays visible.
CREATE TABLE unit_update_requests (
    unit_id    bigint  NOT NULL REFERENCES org_units (id) ON DELETE CASCADE,
    year       integer NOT NULL CHECK (year >= 2000),
    account_id bigint  REFERENCES accounts (id) ON DELETE SET NULL,   -- the focal point told; null: the unit has none
    sent_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (unit_id, year)
);
