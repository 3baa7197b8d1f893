-- A legal document's entry in the national legal database (Cơ sở dữ liệu quốc gia về văn bản pháp luật,
-- vbpl.vn; issue 11 point 4): its identifier there and the https link to it. Both optional; the
-- application checks the link's host against the configured database host.
ALTER TABLE legal_documents
    ADD COLUMN national_db_id text CHECK (national_db_id IS NULL OR length(national_db_id) BETWEEN 1 AND 64),
    ADD COLUMN national_db_url text CHECK (national_db_url IS NULL OR (national_db_url LIKE 'https://%' AND length(national_db_url) <= 500));
