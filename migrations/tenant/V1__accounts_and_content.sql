-- Applied to every tenant schema (t_<code>). No schema qualifiers here: search_path decides.

CREATE TABLE accounts (
    id                   bigserial PRIMARY KEY,
    username             text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    email                text NOT NULL,
    full_name            text NOT NULL DEFAULT '',
    unit                 text NOT NULL DEFAULT '',
    job_title            text NOT NULL DEFAULT '',
    phone                text NOT NULL DEFAULT '',
    -- contributor, editor, approver, deputy_head, head, tenant_admin
    roles                text[] NOT NULL DEFAULT '{}',
    password_hash        text,
    status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
    locked_until         timestamptz,
    set_password_token   text,
    set_password_expires timestamptz,
    -- changes on revocation and password change: sessions carrying an older stamp stop working
    security_stamp       uuid NOT NULL DEFAULT gen_random_uuid(),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_username ON accounts (username);

CREATE TABLE login_attempts (
    id        bigserial PRIMARY KEY,
    username  text NOT NULL,
    succeeded boolean NOT NULL,
    remote    text,
    at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_recent ON login_attempts (username, at DESC);

CREATE TABLE sections (
    id          bigserial PRIMARY KEY,
    parent_id   bigint REFERENCES sections (id),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_vi     text NOT NULL,
    name_en     text NOT NULL,
    description text NOT NULL DEFAULT '',
    position    int  NOT NULL DEFAULT 0,
    visible     boolean NOT NULL DEFAULT true
);

-- One table for every kind of content item; kind-specific fields go to side tables later.
-- state is the workflow state; version is the optimistic lock.
CREATE TABLE content_items (
    id           bigserial PRIMARY KEY,
    kind         text NOT NULL DEFAULT 'article',
    section_id   bigint REFERENCES sections (id),
    language     text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
    slug         text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title        text NOT NULL,
    summary      text NOT NULL DEFAULT '',
    body_html    text NOT NULL DEFAULT '',
    cover_url    text,
    cover_alt    text,
    source       text,                       -- nguồn: quoted material names its source
    featured     boolean NOT NULL DEFAULT false,
    state        text NOT NULL DEFAULT 'draft',
    version      int  NOT NULL DEFAULT 1,
    published_at timestamptz,
    created_by   bigint REFERENCES accounts (id),
    updated_by   bigint REFERENCES accounts (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (language, slug)
);
CREATE INDEX content_items_public ON content_items (state, language, published_at DESC);
CREATE INDEX content_items_section ON content_items (section_id, state, published_at DESC);

-- Every save is a revision; history is never overwritten.
CREATE TABLE content_revisions (
    id         bigserial PRIMARY KEY,
    item_id    bigint NOT NULL REFERENCES content_items (id),
    version    int    NOT NULL,
    title      text   NOT NULL,
    summary    text   NOT NULL,
    body_html  text   NOT NULL,
    source     text,
    created_by bigint,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (item_id, version)
);

-- Append-only transition log (actor, time, from, to, comment, reason): history, audit, deadlines.
CREATE TABLE content_events (
    id          bigserial PRIMARY KEY,
    item_id     bigint NOT NULL,
    actor_id    bigint,
    from_state  text,
    to_state    text NOT NULL,
    comment     text,
    reason_code text,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX content_events_item ON content_events (item_id, id);

-- Tenant audit log (account administration and the like).
CREATE TABLE audit_log (
    id       bigserial PRIMARY KEY,
    actor_id bigint,
    action   text NOT NULL,
    details  jsonb NOT NULL DEFAULT '{}'::jsonb,
    at       timestamptz NOT NULL DEFAULT now()
);
