-- Comments on drafts for public consultation (góp ý dự thảo) [000 Đ10.1đ; 001 Đ11.3c; 003 Đ11.6]. A comment is
-- taken only inside the draft's window [opens_at, closes_at); it waits for its e-mail address to be confirmed when the
-- tenant says so (public_form_settings.confirm_comments), then for moderation: approved comments are shown on the
-- draft's page when the tenant publishes them (seed 003 Đ11.6 does), hidden ones keep the moderator's reason.
-- The author's e-mail address is never shown publicly.
ALTER TABLE public_form_settings ADD COLUMN show_approved_comments boolean NOT NULL DEFAULT true;

CREATE TABLE consultation_comments (
    id                 bigserial PRIMARY KEY,
    item_id            bigint      NOT NULL REFERENCES consultations (item_id),
    language           text        NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
    author_name        text        NOT NULL,
    author_email       text        NOT NULL,
    organisation       text        NOT NULL DEFAULT '',
    body               text        NOT NULL,
    consented_at       timestamptz NOT NULL,
    status             text        NOT NULL DEFAULT 'unconfirmed'
        CHECK (status IN ('unconfirmed', 'pending', 'approved', 'hidden')),
    hidden_reason      text        NOT NULL DEFAULT '',
    confirm_hash       text,
    confirm_expires_at timestamptz,
    submitted_at       timestamptz NOT NULL,
    moderated_at       timestamptz,
    moderated_by       bigint      REFERENCES accounts (id),
    anonymised_at      timestamptz,
    CHECK (status <> 'hidden' OR hidden_reason <> '')
);
CREATE INDEX consultation_comments_item ON consultation_comments (item_id, submitted_at);
CREATE INDEX consultation_comments_confirm ON consultation_comments (confirm_hash) WHERE confirm_hash IS NOT NULL;

-- The drafting unit's response to the comments (staff-entered text), shown on the draft's page once published.
ALTER TABLE consultations
    ADD COLUMN response_unit_id      bigint REFERENCES org_units (id) ON DELETE SET NULL,
    ADD COLUMN response_text         text   NOT NULL DEFAULT '',
    ADD COLUMN response_published_at timestamptz;
