-- What every public form of the tenant shares (questions, comments, petitions): its rate limits, held in Redis,
-- whether comments need a confirmed e-mail address, and how long personal data is kept after an item closes.
CREATE TABLE public_form_settings (
    id                       boolean PRIMARY KEY DEFAULT true CHECK (id),
    per_address_limit        int     NOT NULL DEFAULT 3  CHECK (per_address_limit BETWEEN 1 AND 1000),
    per_address_minutes      int     NOT NULL DEFAULT 10 CHECK (per_address_minutes BETWEEN 1 AND 1440),
    per_email_limit          int     NOT NULL DEFAULT 5  CHECK (per_email_limit BETWEEN 1 AND 1000),
    per_email_hours          int     NOT NULL DEFAULT 24 CHECK (per_email_hours BETWEEN 1 AND 720),
    confirm_comments         boolean NOT NULL DEFAULT true,
    -- personal data (e-mail, phone, address) is anonymised this many months after the item closes (Decree 13/2023)
    anonymise_after_months   int     NOT NULL DEFAULT 24 CHECK (anonymise_after_months BETWEEN 1 AND 240),
    -- seed 003 Đ13.2 says "ngày" without "làm việc": working days unless the tenant chooses calendar days
    qa_day_reading           text    NOT NULL DEFAULT 'working' CHECK (qa_day_reading IN ('working', 'calendar'))
);
INSERT INTO public_form_settings DEFAULT VALUES;
