-- Ministry federation (issue 11 points 2 and 5): what a member portal lets its root portal do with its public
-- content, and the root's "news from the units" block. Kept here, not in the tenant schemas, because the root
-- must find its opted-in members without reading every member's schema (never one SQL across schemas): the
-- member's own content is then read in its own tenant transaction. A missing row is the default: nothing shared.
CREATE TABLE ministry_federation (
    tenant_code       text PRIMARY KEY REFERENCES tenants (code) ON DELETE CASCADE,
    -- member: its public items appear in the root's ministry-wide search (tìm kiếm toàn Bộ)
    in_ministry_search boolean NOT NULL DEFAULT false,
    -- member: its latest news appear in the root's "Tin từ các đơn vị" block
    in_ministry_news  boolean NOT NULL DEFAULT false,
    -- root: how many items its home's "Tin từ các đơn vị" block shows; 0 = no block
    news_block_size   integer NOT NULL DEFAULT 0 CHECK (news_block_size BETWEEN 0 AND 24),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
