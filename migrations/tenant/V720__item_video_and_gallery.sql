-- A video and a photo gallery (bộ ảnh) an article carries, both chosen from the tenant's media library.
-- No schema qualifiers: search_path decides.

-- At most one video per item: the MP4 as uploaded, the poster picture shown before it plays, and captions (phụ đề)
-- in Vietnamese and/or English (WebVTT files of the library).
CREATE TABLE item_videos (
    item_id        bigint PRIMARY KEY REFERENCES content_items (id),
    video_id       bigint NOT NULL REFERENCES media_files (id),
    poster_id      bigint REFERENCES media_files (id),
    captions_vi_id bigint REFERENCES media_files (id),
    captions_en_id bigint REFERENCES media_files (id),
    title          text   NOT NULL CHECK (title <> ''),   -- what the video shows, its accessible name
    updated_by     bigint REFERENCES accounts (id),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- The pictures of an item's gallery in the editors' order, each with the text alternative readers get.
CREATE TABLE item_gallery_images (
    id         bigserial PRIMARY KEY,
    item_id    bigint NOT NULL REFERENCES content_items (id),
    media_id   bigint NOT NULL REFERENCES media_files (id),
    position   int    NOT NULL,
    alt_text   text   NOT NULL CHECK (alt_text <> ''),    -- mô tả ảnh
    caption    text   NOT NULL DEFAULT '',                -- chú thích
    created_by bigint REFERENCES accounts (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX item_gallery_images_item ON item_gallery_images (item_id, position, id);
CREATE INDEX item_gallery_images_media ON item_gallery_images (media_id);
