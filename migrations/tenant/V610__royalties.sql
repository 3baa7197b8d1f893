-- Royalties (chế độ nhuận bút) [001 Đ7.3; 003 Đ10]: organisations and people whose news, articles, photos and videos
-- are published earn a royalty; the editor-in-chief (Tổng biên tập, the head role) decides each work's royalty
-- coefficient by its genre and quality. No schema qualifiers: search_path decides.

-- The tenant's rate table: royalty units (hệ số nhuận bút) per genre. The seeds name the genres (tin, bài, ảnh, video)
-- but give no figures, so the preset is a realistic default the tenant admin or the head replaces with its own.
CREATE TABLE royalty_genres (
    id       bigserial PRIMARY KEY,
    name     text          NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
    units    numeric(7, 2) NOT NULL CHECK (units >= 0 AND units <= 1000),
    -- the classification genre (V590) an item of this royalty genre usually has: the assessment form's first choice
    usual_for text CHECK (usual_for IN ('news', 'analysis', 'other')),
    position int           NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX royalty_genres_name ON royalty_genres (unit_key(name));

INSERT INTO royalty_genres (name, units, usual_for, position) VALUES
    ('Tin', 2, 'news', 1),
    ('Bài viết', 6, 'other', 2),
    ('Bài chuyên đề, phân tích chuyên sâu', 10, 'analysis', 3),
    ('Phỏng vấn', 8, NULL, 4),
    ('Ảnh', 1, NULL, 5),
    ('Video', 6, NULL, 6),
    ('Tin, bài dịch', 3, NULL, 7);

-- The value of one royalty unit in đồng (one row). Preset: 10% of the base salary (mức lương cơ sở 2.340.000 đ).
CREATE TABLE royalty_settings (
    id             int    PRIMARY KEY CHECK (id = 1),
    unit_value_vnd bigint NOT NULL CHECK (unit_value_vnd > 0 AND unit_value_vnd <= 100000000),
    -- still the preset values: the screen says they are defaults, not the tenant's own
    preset         boolean NOT NULL DEFAULT true,
    updated_by     bigint REFERENCES accounts (id) ON DELETE SET NULL,
    updated_at     timestamptz
);
INSERT INTO royalty_settings (id, unit_value_vnd) VALUES (1, 234000);

-- One published item's royalty as the head decided it. Units and the unit's value are copied from the rate table
-- when it is set, so a later change of rates never rewrites a statement already paid; the amount is whole đồng.
CREATE TABLE item_royalties (
    item_id        bigint        PRIMARY KEY REFERENCES content_items (id) ON DELETE CASCADE,
    genre_id       bigint        NOT NULL REFERENCES royalty_genres (id),
    units          numeric(7, 2) NOT NULL CHECK (units >= 0),
    -- hệ số chất lượng: 0 means the head decided the work earns nothing
    coefficient    numeric(4, 2) NOT NULL CHECK (coefficient >= 0 AND coefficient <= 5),
    unit_value_vnd bigint        NOT NULL CHECK (unit_value_vnd > 0),
    amount_vnd     bigint        NOT NULL CHECK (amount_vnd >= 0),
    -- a supplied item's outside author and their unit (tác giả, đơn vị ngoài): when blank, the author is the account
    -- that wrote the item (or the submitter of an imported one) and the unit is the submitting unit
    author_name    text NOT NULL DEFAULT '' CHECK (length(author_name) <= 200),
    author_unit    text NOT NULL DEFAULT '' CHECK (length(author_unit) <= 200),
    set_by         bigint REFERENCES accounts (id) ON DELETE SET NULL,
    set_at         timestamptz NOT NULL DEFAULT now()
);
