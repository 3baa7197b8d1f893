-- Retention [001 Đ13; issue 12, item 4]: what is online stays online for its period (an expired legal
-- document for document_settings.expired_kept_months, everything else at least the profile's
-- `retention-years`). The workflow refuses an ordinary takedown or archiving inside the period; the head's
-- takedown with a legal basis is allowed and leaves a row here, which the board's archive page lists.
CREATE TABLE retention_overrides (
    id             bigserial   PRIMARY KEY,
    item_id        bigint      NOT NULL REFERENCES content_items (id),
    decided_by     bigint      NOT NULL REFERENCES accounts (id),
    legal_basis    text        NOT NULL CHECK (length(btrim(legal_basis)) > 0),
    -- the end of the period the takedown cut short; NULL: kept while in force (a valid legal document)
    retained_until date,
    decided_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX retention_overrides_item ON retention_overrides (item_id);

-- Archived items (state 'archived') left the public site once their period ended; the staff archive lists them.
CREATE INDEX content_items_offline ON content_items (state, updated_at DESC) WHERE state IN ('archived', 'taken_down');

-- Deleting an item that has been online is never an ordinary path: whatever tool tries it, the row and its
-- history stay (archive or take it down instead).
CREATE FUNCTION refuse_deleting_published_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.published_at IS NOT NULL AND OLD.state IN ('published', 'archived', 'taken_down') THEN
        RAISE EXCEPTION 'Tin bài % đã đăng trên cổng: không được xóa (Điều 13, lưu giữ thông tin); hãy lưu trữ hoặc gỡ bỏ.', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER content_items_kept BEFORE DELETE ON content_items
    FOR EACH ROW EXECUTE FUNCTION refuse_deleting_published_items();
