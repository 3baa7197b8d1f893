-- The topic list screen (issue 13 point 1): a topic has an English name, and is retired rather than deleted once items
-- use it (a retired topic is no longer offered, items and reports keep it). An item may name the unit it is credited
-- to on the edit form, before or without a submission; the report counts it there, else at its submission's unit.
ALTER TABLE item_topics
    ADD COLUMN name_en    text NOT NULL DEFAULT '',
    ADD COLUMN retired_at timestamptz;

ALTER TABLE content_items
    ADD COLUMN unit_id bigint REFERENCES org_units (id) ON DELETE SET NULL;
