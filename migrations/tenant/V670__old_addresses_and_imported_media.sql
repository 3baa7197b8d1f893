-- A site a tenant came from (the WordPress import, issue 14 point 7). No schema qualifiers: search_path decides.

-- Its old addresses, kept as permanent redirects (301) on every host of the tenant: by path ('/2019/05/tin-moi',
-- decoded, without the trailing slash; '/' for the root) and, for addresses that name a page by their query alone
-- ('/?p=123', '/?page_id=7', '/?cat=4'), by that one key=value. Resolved before the 404 page.
CREATE TABLE old_addresses (
    id         bigserial PRIMARY KEY,
    path       text        NOT NULL CHECK (path ~ '^/'),
    query      text        NOT NULL DEFAULT '',
    target     text        NOT NULL CHECK (target ~ '^/' AND target !~ '^//'),
    source     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (path, query)
);

-- Files an import downloaded into the media library, by the address they had: importing again fetches nothing twice
-- and rewrites the same addresses to the same files.
CREATE TABLE imported_media (
    source_url text PRIMARY KEY,
    media_id   bigint      NOT NULL REFERENCES media_files (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now()
);
