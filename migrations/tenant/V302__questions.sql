-- Questions and answers (hỏi – đáp) [003 Đ13; 000 Đ4.6]. A question enters the desk's queue once its asker
-- has confirmed the e-mail address; the desk forwards it to one or more units, the units answer, the board
-- publishes the answer and e-mails it. Every step is an event (never overwritten); the deadlines are read from
-- the step times. Personal data (e-mail, phone, address) is shown only to the desk and the forwarded units' staff.
CREATE TABLE questions (
    id                  bigserial PRIMARY KEY,
    -- what the asker types on the status page; random, not guessable from another question's
    tracking_code       text        NOT NULL UNIQUE,
    language            text        NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
    asker_name          text        NOT NULL,
    asker_email         text        NOT NULL,
    asker_phone         text        NOT NULL DEFAULT '',
    asker_address       text        NOT NULL DEFAULT '',
    topic               text        NOT NULL,
    -- the unit the asker thinks it concerns (may be empty)
    suggested_unit_id   bigint      REFERENCES org_units (id) ON DELETE SET NULL,
    title               text        NOT NULL,
    body                text        NOT NULL,
    consented_at        timestamptz NOT NULL,
    status              text        NOT NULL DEFAULT 'unconfirmed'
        CHECK (status IN ('unconfirmed', 'received', 'forwarded', 'answered', 'published', 'returned', 'merged', 'withdrawn')),
    confirm_hash        text,
    confirm_expires_at  timestamptz,
    submitted_at        timestamptz NOT NULL,
    received_at         timestamptz,
    forwarded_at        timestamptz,
    answered_at         timestamptz,
    published_at        timestamptz,
    closed_at           timestamptz,
    answer_html         text,
    -- the unit named under the public answer
    answer_unit_id      bigint      REFERENCES org_units (id) ON DELETE SET NULL,
    merged_into         bigint      REFERENCES questions (id),
    anonymised_at       timestamptz,
    version             int         NOT NULL DEFAULT 0
);
CREATE INDEX questions_status ON questions (status);
CREATE INDEX questions_published ON questions (published_at DESC) WHERE status = 'published';

-- The units a question was forwarded to, each with its own answer.
CREATE TABLE question_forwards (
    question_id  bigint      NOT NULL REFERENCES questions (id),
    unit_id      bigint      NOT NULL REFERENCES org_units (id),
    forwarded_at timestamptz NOT NULL,
    forwarded_by bigint      NOT NULL REFERENCES accounts (id),
    answered_at  timestamptz,
    answered_by  bigint      REFERENCES accounts (id),
    answer_html  text,
    PRIMARY KEY (question_id, unit_id)
);

-- What happened to a question, in order: received, forwarded, answered, returned to the asker, published, …
CREATE TABLE question_events (
    id          bigserial PRIMARY KEY,
    question_id bigint      NOT NULL REFERENCES questions (id),
    at          timestamptz NOT NULL,
    actor_id    bigint      REFERENCES accounts (id),
    action      text        NOT NULL,
    note        text        NOT NULL DEFAULT ''
);
CREATE INDEX question_events_question ON question_events (question_id, id);

CREATE RULE question_events_no_update AS ON UPDATE TO question_events DO INSTEAD NOTHING;
CREATE RULE question_events_no_delete AS ON DELETE TO question_events DO INSTEAD NOTHING;

-- The topics a question is filed under (browsed by on the public Q&A page); the tenant may change the list.
CREATE TABLE question_topics (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_vi  text NOT NULL,
    name_en  text NOT NULL,
    position int  NOT NULL DEFAULT 0
);
INSERT INTO question_topics (code, name_vi, name_en, position) VALUES
    ('chinh-sach-phap-luat', 'Chính sách, pháp luật', 'Policy and law', 1),
    ('thu-tuc-hanh-chinh', 'Thủ tục hành chính', 'Administrative procedures', 2),
    ('chuyen-mon', 'Hoạt động chuyên môn', 'Professional matters', 3),
    ('to-chuc-can-bo', 'Tổ chức, cán bộ', 'Organisation and staff', 4),
    ('khac', 'Khác', 'Other', 9);
ALTER TABLE questions ADD CONSTRAINT questions_topic FOREIGN KEY (topic) REFERENCES question_topics (code);
