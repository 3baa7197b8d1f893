-- One row per cluster job and slot: the node whose INSERT wins runs the slot (vn.cong.tenancy.jobs).
CREATE TABLE platform.job_claims (
    job         text        NOT NULL,
    slot        timestamptz NOT NULL,
    node        text        NOT NULL,
    claimed_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    PRIMARY KEY (job, slot)
);
