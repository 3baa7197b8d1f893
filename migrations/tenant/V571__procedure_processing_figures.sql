-- Processing figures of online public services (issue 13 point 7; seed 001 Đ14.2, 004 §II.3): per procedure
-- and month, the applications received, processed, and of those processed how many on time and late.
-- Entered by the responsible unit's staff or imported from CSV; published on the procedure's page and in
-- a public summary. One row per procedure and month: entering a month again replaces its figures.
CREATE TABLE procedure_figures (
    item_id    bigint  NOT NULL REFERENCES procedures (item_id) ON DELETE CASCADE,
    month      date    NOT NULL CHECK (month = date_trunc('month', month)::date),
    received   integer NOT NULL CHECK (received >= 0),
    processed  integer NOT NULL CHECK (processed >= 0),
    on_time    integer NOT NULL CHECK (on_time >= 0),
    late       integer NOT NULL CHECK (late >= 0),
    source     text    NOT NULL CHECK (source IN ('entered', 'imported')),
    entered_by bigint  REFERENCES accounts (id) ON DELETE SET NULL,
    entered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (item_id, month),
    CHECK (on_time + late = processed)
);
CREATE INDEX procedure_figures_month ON procedure_figures (month);
