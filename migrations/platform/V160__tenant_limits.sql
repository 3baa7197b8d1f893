-- Noisy neighbours: limits the operator sets per tenant so that one portal cannot starve the others.
-- request_limit_per_minute: requests a minute that make the platform work (staff area, API, form posts, public
--   pages rendered because they were not in the cache); pages served from the cache are never counted.
-- media_limit_bytes: bytes of uploaded files (images, attachments) the tenant may keep.
-- NULL means the platform's default (cong.limits.*), which is no limit unless configured.
ALTER TABLE platform.tenants
    ADD COLUMN request_limit_per_minute integer CHECK (request_limit_per_minute BETWEEN 1 AND 1000000),
    ADD COLUMN media_limit_bytes bigint CHECK (media_limit_bytes > 0);
