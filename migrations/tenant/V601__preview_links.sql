-- Time-limited preview links (000 Đ10.2e: an item that needs a leader's opinion before it is published): a leader
-- without an account opens the item as readers will see it through a link that stops working at expires_at or when
-- revoked. Only the SHA-256 of the link's secret is kept. No schema qualifiers: search_path decides.
CREATE TABLE preview_links (
    id         bigserial PRIMARY KEY,
    item_id    bigint      NOT NULL REFERENCES content_items (id),
    token_hash text        NOT NULL UNIQUE,
    note       text        NOT NULL DEFAULT '',   -- for whom, e.g. "Thứ trưởng Nguyễn Văn A"
    created_by bigint REFERENCES accounts (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    revoked_by bigint REFERENCES accounts (id),
    CHECK (expires_at > created_at)
);
CREATE INDEX preview_links_item ON preview_links (item_id, created_at DESC);
