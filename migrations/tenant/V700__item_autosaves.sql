-- What an editor had typed in an item's form, sent every minute by the browser (bản tự lưu): one per item and
-- account, replaced by the next. Not a revision: no version number, no workflow event, never published or read
-- by the public site; a normal save by the same account deletes it.
CREATE TABLE item_autosaves (
    item_id      bigint      NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
    account_id   bigint      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    base_version int         NOT NULL,
    fields       jsonb       NOT NULL,
    saved_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (item_id, account_id)
);
