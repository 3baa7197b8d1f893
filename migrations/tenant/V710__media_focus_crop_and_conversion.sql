-- Pictures of the media library: what a TIFF or BMP upload was converted from, the focal point (tiêu điểm) that
-- themes keep in view when they crop a picture to fit a card, and the crop rectangle (cắt ảnh) the editor chose.
-- A cropped picture keeps its uncropped original beside it (original_path, never served to the public) so the
-- crop can be changed or removed later. No schema qualifiers: search_path decides.

ALTER TABLE media_files
    ADD COLUMN converted_from  text,                                            -- e.g. 'TIFF, trang 1 trong 3'
    ADD COLUMN focal_x         int CHECK (focal_x BETWEEN 0 AND 100),       -- % from the left
    ADD COLUMN focal_y         int CHECK (focal_y BETWEEN 0 AND 100),       -- % from the top
    ADD COLUMN crop_x          int CHECK (crop_x >= 0),                           -- pixels of the original
    ADD COLUMN crop_y          int CHECK (crop_y >= 0),
    ADD COLUMN crop_width      int CHECK (crop_width > 0),
    ADD COLUMN crop_height     int CHECK (crop_height > 0),
    ADD COLUMN original_path   text UNIQUE CHECK (original_path ~ '^[0-9]{4}/[a-z0-9-]+\.[a-z0-9]+$'),
    ADD COLUMN original_width  int,
    ADD COLUMN original_height int,
    ADD CONSTRAINT media_files_focus_whole CHECK ((focal_x IS NULL) = (focal_y IS NULL)),
    ADD CONSTRAINT media_files_crop_whole CHECK (
        (crop_x IS NULL AND crop_y IS NULL AND crop_width IS NULL AND crop_height IS NULL AND original_path IS NULL)
        OR (crop_x IS NOT NULL AND crop_y IS NOT NULL AND crop_width IS NOT NULL AND crop_height IS NOT NULL
            AND original_path IS NOT NULL AND original_width IS NOT NULL AND original_height IS NOT NULL));
