-- Feedback and petitions (phản ánh, kiến nghị) [000 Đ3.2c; 001 Đ3.1; 003 Đ2.2, 11.3]. A petition enters the desk's
-- queue once its sender has confirmed the e-mail address; the desk forwards it to a unit, the unit answers, the desk
-- sends the answer to the sender and may publish the petition and its answer (without personal data). Personal data
-- (e-mail, phone, address, the attached files) is shown only to the desk and the staff of the unit it was forwarded to.
CREATE TABLE petitions (
    id                  bigserial PRIMARY KEY,
    tracking_code       text        NOT NULL UNIQUE,
    language            text        NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
    sender_name         text        NOT NULL,
    sender_email        text        NOT NULL,
    sender_phone        text        NOT NULL DEFAULT '',
    sender_address      text        NOT NULL DEFAULT '',
    -- the unit the sender thinks it concerns (may be empty)
    suggested_unit_id   bigint      REFERENCES org_units (id) ON DELETE SET NULL,
    title               text        NOT NULL,
    body                text        NOT NULL,
    consented_at        timestamptz NOT NULL,
    status              text        NOT NULL DEFAULT 'unconfirmed'
        CHECK (status IN ('unconfirmed', 'received', 'forwarded', 'answered', 'published', 'closed', 'withdrawn')),
    confirm_hash        text,
    confirm_expires_at  timestamptz,
    submitted_at        timestamptz NOT NULL,
    received_at         timestamptz,
    -- the unit it was forwarded to, which answers
    unit_id             bigint      REFERENCES org_units (id) ON DELETE SET NULL,
    forwarded_at        timestamptz,
    answered_at         timestamptz,
    answer_text         text        NOT NULL DEFAULT '',
    published_at        timestamptz,
    closed_at           timestamptz,
    anonymised_at       timestamptz,
    version             int         NOT NULL DEFAULT 0
);
CREATE INDEX petitions_status ON petitions (status);
CREATE INDEX petitions_published ON petitions (published_at DESC) WHERE status = 'published';

-- The files sent with a petition (checked like every upload, kept as attachments: never served under /media).
CREATE TABLE petition_files (
    petition_id bigint NOT NULL REFERENCES petitions (id),
    media_id    bigint NOT NULL REFERENCES media_files (id),
    position    int    NOT NULL,
    PRIMARY KEY (petition_id, media_id)
);

-- What happened to a petition, in order; never overwritten.
CREATE TABLE petition_events (
    id          bigserial PRIMARY KEY,
    petition_id bigint      NOT NULL REFERENCES petitions (id),
    at          timestamptz NOT NULL,
    actor_id    bigint      REFERENCES accounts (id),
    action      text        NOT NULL,
    note        text        NOT NULL DEFAULT ''
);
CREATE INDEX petition_events_petition ON petition_events (petition_id, id);
CREATE RULE petition_events_no_update AS ON UPDATE TO petition_events DO INSTEAD NOTHING;
CREATE RULE petition_events_no_delete AS ON DELETE TO petition_events DO INSTEAD NOTHING;
