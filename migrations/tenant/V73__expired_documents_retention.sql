-- How long an expired legal document stays online after its expiry [001 Đ13.2: one year]; a tenant
-- setting with the seed's value as preset. Editors see the date in their list; the takedown step of
-- the workflow can refuse an earlier removal.
ALTER TABLE document_settings
    ADD COLUMN expired_kept_months int NOT NULL DEFAULT 12 CHECK (expired_kept_months BETWEEN 0 AND 1200);
