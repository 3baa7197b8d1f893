-- The media library (thư viện tư liệu): every upload of the tenant with its description, the sizes made of
-- its pictures at upload for srcset, and the record of replacements. No schema qualifiers: search_path decides.

ALTER TABLE media_files
    ADD COLUMN alt_text    text NOT NULL DEFAULT '',   -- mô tả ảnh (text alternative offered when the picture is reused)
    ADD COLUMN caption     text NOT NULL DEFAULT '',   -- chú thích
    ADD COLUMN width       int,
    ADD COLUMN height      int,
    ADD COLUMN replaced_at timestamptz,                -- last time its bytes were replaced under the same address
    ADD COLUMN replaced_by bigint REFERENCES accounts (id);

-- Smaller copies of a picture, made once when it is uploaded (or replaced): served at their own address.
CREATE TABLE media_variants (
    media_id    bigint NOT NULL REFERENCES media_files (id) ON DELETE CASCADE,
    width       int    NOT NULL CHECK (width > 0),
    height      int    NOT NULL CHECK (height > 0),
    stored_path text   NOT NULL UNIQUE CHECK (stored_path ~ '^[0-9]{4}/[a-z0-9-]+\.[a-z0-9]+$'),
    PRIMARY KEY (media_id, width)
);

CREATE INDEX media_files_library ON media_files (created_at DESC, id DESC);
