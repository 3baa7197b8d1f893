-- A standing page exists once per role and language: the English portal has its own introduction.
ALTER TABLE standing_pages ADD COLUMN language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en'));
ALTER TABLE standing_pages DROP CONSTRAINT standing_pages_pkey;
ALTER TABLE standing_pages ADD PRIMARY KEY (role, language);
