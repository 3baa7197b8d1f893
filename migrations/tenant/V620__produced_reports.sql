-- Reports produced on the profile's cadence (issue 13 point 3; 000 Đ17, 001 Đ19, 003 Đ17) and the quarterly account
-- activity report (000 Đ7.2d), kept as produced: the document the page and the exports print, and for the contribution
-- report its figures as JSON, so editing an item later never changes a report already produced. A report waits for the
-- head's sign-off (ký duyệt) before the board sees it; sent back, it is produced again after the corrections.
-- No schema qualifiers: search_path decides.
CREATE TABLE produced_reports (
    id           bigserial PRIMARY KEY,
    -- contribution: báo cáo tình hình cung cấp thông tin; accounts: báo cáo hoạt động tài khoản (quý)
    kind         text NOT NULL CHECK (kind IN ('contribution', 'accounts')),
    period_kind  text NOT NULL CHECK (period_kind IN ('month', 'quarter', 'half', 'year')),
    period_from  date NOT NULL,
    period_to    date NOT NULL CHECK (period_to >= period_from),
    period_label text NOT NULL,
    -- the report as produced: the export model (vn.cong.reports.export.ReportDocument) and the figures (contribution)
    document     jsonb NOT NULL,
    figures      jsonb,
    produced_at  timestamptz NOT NULL,
    -- how many times it was produced (1, then +1 each time it is produced again after being sent back)
    revision     int  NOT NULL DEFAULT 1,
    state        text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'returned', 'signed')),
    signed_by    bigint REFERENCES accounts (id),
    signer_name  text,
    signer_title text,
    signed_at    timestamptz,
    return_note  text,
    CHECK ((state = 'signed') = (signed_at IS NOT NULL AND signer_name IS NOT NULL)),
    -- one report per kind and period, whichever node produces it and however often the job runs
    UNIQUE (kind, period_kind, period_from)
);
CREATE INDEX produced_reports_state ON produced_reports (state, period_to DESC);

-- What happened to a report, never overwritten: produced, sent back (with the note), produced again, signed off.
CREATE TABLE produced_report_steps (
    id        bigserial PRIMARY KEY,
    report_id bigint NOT NULL REFERENCES produced_reports (id) ON DELETE CASCADE,
    action    text   NOT NULL CHECK (action IN ('produced', 'returned', 'reproduced', 'signed')),
    actor_id  bigint REFERENCES accounts (id),
    actor     text   NOT NULL,
    note      text,
    at        timestamptz NOT NULL
);
CREATE INDEX produced_report_steps_report ON produced_report_steps (report_id, at);
