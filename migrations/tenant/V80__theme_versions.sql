-- The portal's look as versions (seed 000 Đ2.4, seed 002 Đ3.3: a change of look needs leadership
-- approval before it goes live). draft -> submitted -> approved (live) or returned -> draft again.
-- Rows are never deleted: every approved version stays available for rollback.
CREATE TABLE theme_versions (
    id            bigserial PRIMARY KEY,
    number        int    NOT NULL UNIQUE,
    theme         text   NOT NULL CHECK (theme ~ '^[a-z][a-z0-9-]{0,40}$'),
    theme_values  jsonb  NOT NULL DEFAULT '{}'::jsonb,
    -- main menu: [{"section": <sections.id>, "shown": true|false}, ...] in display order
    menu          jsonb  NOT NULL DEFAULT '[]'::jsonb,
    state         text   NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved')),
    live          boolean NOT NULL DEFAULT false CHECK (NOT live OR state = 'approved'),
    lock_version  int    NOT NULL DEFAULT 1,
    created_by    bigint,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_by    bigint,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    submitted_by  bigint,
    submitted_at  timestamptz,
    decided_by    bigint,
    decided_at    timestamptz,
    decision_note text,
    live_since    timestamptz
);
-- one version is live at a time, and at most one is being worked on (draft, submitted or returned)
CREATE UNIQUE INDEX theme_versions_one_live ON theme_versions ((true)) WHERE live;
CREATE UNIQUE INDEX theme_versions_one_open ON theme_versions ((true)) WHERE state IN ('draft', 'submitted', 'returned');
