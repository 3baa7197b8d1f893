-- Several root portals, each with its own domain [issue 12, item 1]: a ministry, a province's department,
-- a city's education department side by side. `domain` is the root's base domain, copied onto every
-- member below it so the database can keep host labels unique per domain; NULL means the configured
-- `cong.base-domain` (so one manifest serves production and local runs for the platform's own root).
ALTER TABLE tenants ADD COLUMN domain text
    CHECK (domain IS NULL OR domain ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$');

-- A host label is unique within its domain (two roots may both be `www`, two schools both `thpt1`).
ALTER TABLE tenants DROP CONSTRAINT tenants_abbreviation_key;
CREATE UNIQUE INDEX tenants_label_per_domain ON tenants (coalesce(domain, ''), abbreviation);

-- One root per domain (the rule of V60, now per domain).
DROP INDEX tenants_one_root_per_domain;
CREATE UNIQUE INDEX tenants_one_root_per_domain ON tenants (coalesce(domain, '')) WHERE parent_code IS NULL;

-- The governing body (cơ quan chủ quản) printed in the footer: a provincial department names its
-- province, not the ministry above it on the platform. NULL: the parent portal's name, as before.
ALTER TABLE tenants ADD COLUMN governing_body_vi text;
ALTER TABLE tenants ADD COLUMN governing_body_en text;
ALTER TABLE tenants ADD COLUMN governing_body_url text;
