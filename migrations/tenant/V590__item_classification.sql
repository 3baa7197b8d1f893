-- Items carry what the contribution report counts them by [000 Đ9.1b; 003 Đ14.3; 004 §I.1]: where they came from
-- (supplied by a unit or an individual, or found by the board itself), a topic from the tenant's own list, and the
-- genre Hải Phòng's quota counts (news, in-depth analysis). The submitting unit stays the run's
-- submitter_unit_id (V300). No schema qualifiers: search_path decides.

-- The tenant's topics (chủ đề tin/bài); a MOST tenant starts from seed 004's list (vn.cong.reports.contribution.Topics).
CREATE TABLE item_topics (
    id       bigserial PRIMARY KEY,
    name     text NOT NULL CHECK (btrim(name) <> ''),
    position int  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX item_topics_name ON item_topics (unit_key(name));

ALTER TABLE content_items
    -- supplied: sent by a unit or an individual; found: the board found it on other portals (tự tìm kiếm, khai thác)
    ADD COLUMN origin      text CHECK (origin IN ('supplied', 'found')),
    ADD COLUMN topic_id    bigint REFERENCES item_topics (id) ON DELETE SET NULL,
    -- news: tin hoạt động; analysis: bài chuyên đề phân tích chuyên sâu; other
    ADD COLUMN genre       text CHECK (genre IN ('news', 'analysis', 'other')),
    -- when the item reached the board: its first submission, or the submission time an import recorded.
    -- Reports count an item at this time (Vietnam time), or at its publication when it was never submitted.
    ADD COLUMN received_at timestamptz,
    -- the id an imported item had in the file it came from: importing the same file again changes nothing
    ADD COLUMN external_id text;
CREATE UNIQUE INDEX content_items_external_id ON content_items (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX content_items_counted ON content_items ((coalesce(received_at, published_at)));

-- Items already submitted count from their first submission.
UPDATE content_items i SET received_at = r.first_at
FROM (SELECT item_id, min(submitted_at) AS first_at FROM workflow_runs GROUP BY item_id) r
WHERE r.item_id = i.id;
