-- Uploaded files (cover images now, attachments later): stored on disk under the tenant's own
-- folder, described here. The stored name is random; the original name is kept for display only.
CREATE TABLE media_files (
    id            bigserial PRIMARY KEY,
    stored_path   text   NOT NULL UNIQUE CHECK (stored_path ~ '^[0-9]{4}/[a-z0-9-]+\.[a-z0-9]+$'),
    original_name text   NOT NULL,
    content_type  text   NOT NULL,
    size_bytes    bigint NOT NULL,
    sha256        text   NOT NULL,
    created_by    bigint REFERENCES accounts (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);
