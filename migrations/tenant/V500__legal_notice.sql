-- The footer's legal block of a portal (Decree 42/2022 Art. 5; seed 000 Đ3): who runs it, where to reach them,
-- the licence it runs under and the person responsible for its content. One row per tenant schema, kept by the
-- tenant admin (live at once, audited); the governing body (cơ quan chủ quản) is the tenant's platform setting.
CREATE TABLE legal_notice (
    id             boolean PRIMARY KEY DEFAULT true CHECK (id),
    address_vi     text NOT NULL DEFAULT '' CHECK (length(address_vi) <= 300),
    address_en     text NOT NULL DEFAULT '' CHECK (length(address_en) <= 300),
    phone          text NOT NULL DEFAULT '' CHECK (length(phone) <= 100),
    email          text NOT NULL DEFAULT '' CHECK (length(email) <= 254),
    licence_vi     text NOT NULL DEFAULT '' CHECK (length(licence_vi) <= 300),
    licence_en     text NOT NULL DEFAULT '' CHECK (length(licence_en) <= 300),
    responsible_vi text NOT NULL DEFAULT '' CHECK (length(responsible_vi) <= 300),
    responsible_en text NOT NULL DEFAULT '' CHECK (length(responsible_en) <= 300),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     bigint REFERENCES accounts (id)
);
