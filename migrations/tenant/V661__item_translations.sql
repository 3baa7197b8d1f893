-- Linked translations (bản dịch, issue 11 point 8; 003 Đ11.9): a Vietnamese item and its English version, of the same kind.
-- One link each way: an item has at most one translation. The public language switcher and the hreflang links follow it.
CREATE TABLE item_translations (
    vi_item_id bigint      PRIMARY KEY REFERENCES content_items (id) ON DELETE CASCADE,
    en_item_id bigint      NOT NULL UNIQUE REFERENCES content_items (id) ON DELETE CASCADE,
    linked_by  bigint      REFERENCES accounts (id),
    linked_at  timestamptz NOT NULL,
    CHECK (vi_item_id <> en_item_id)
);
