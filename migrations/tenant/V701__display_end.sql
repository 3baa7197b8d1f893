-- Hết hiệu lực hiển thị: when a published item is taken down by itself (the scheduled-unpublishing job goes through the
-- same take-down as a person would). Kept on the item, so it stays through the workflow's steps.
ALTER TABLE content_items ADD COLUMN unpublish_at timestamptz;
CREATE INDEX content_items_unpublish_due ON content_items (unpublish_at) WHERE state = 'published' AND unpublish_at IS NOT NULL;
