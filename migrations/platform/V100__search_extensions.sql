-- Full-text search without accents [issue 11]: unaccent and pg_trgm, installed once per database in the
-- shared schema `extensions`, which every tenant transaction has on its search path after the tenant's
-- own schema (TenantDatabase). Both extensions are "trusted" (PostgreSQL 13+): a role that owns the
-- database (or has CREATE on it) installs them without being superuser. IF NOT EXISTS keeps this
-- harmless on a database where an operator installed them beforehand (in this schema).
CREATE SCHEMA IF NOT EXISTS extensions;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions;

-- The text search compares: lower case, without diacritics ("Đào tạo" → "dao tao"). unaccent() is only
-- STABLE (its dictionary could change), so indexes go through this IMMUTABLE wrapper that names the
-- dictionary by schema, which keeps it independent of whoever's search_path builds or restores an index.
CREATE OR REPLACE FUNCTION extensions.search_text(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT lower(extensions.unaccent('extensions.unaccent'::regdictionary, $1)) $$;

-- Rich text as words: tags become spaces, the common entities their characters.
CREATE OR REPLACE FUNCTION extensions.html_text(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT replace(replace(replace(replace(replace(regexp_replace($1, '<[^>]*>', ' ', 'g'),
              '&nbsp;', ' '), '&amp;', '&'), '&lt;', '<'), '&gt;', '>'), '&quot;', '"') $$;
