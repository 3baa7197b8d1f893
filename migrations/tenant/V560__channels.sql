-- Outbound channels (kênh đẩy tin, issue 11 point 4): webhooks the tenant admin configures, e.g. for eNetViet or the
-- Government portal. Every publication, correction (đính chính) and takedown (gỡ bỏ) is an event of content_events;
-- the trigger below turns each such event into one delivery per active channel, written in the transaction of the
-- change together with its message in the platform's outbox, so nothing is lost and publishing never waits for a
-- receiver. The tenant code is the schema's name without its "t_" prefix (TG_TABLE_SCHEMA, as V304 does), so a
-- tenant restored under another code keeps working. The message is due at once ('-infinity'): the delivering node
-- compares with its own clock, which may lag the database's.
CREATE TABLE channels (
    id         bigserial PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    url        text        NOT NULL CHECK (url ~ '^https?://'),
    secret     text        NOT NULL CHECK (length(secret) >= 16),   -- the HMAC-SHA256 key the receiver shares
    active     boolean     NOT NULL DEFAULT true,
    created_by bigint REFERENCES accounts (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE channel_deliveries (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),   -- the stable delivery id the receiver sees on every attempt
    channel_id   bigint      NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    event_id     bigint      NOT NULL REFERENCES content_events (id),
    item_id      bigint      NOT NULL,
    event        text        NOT NULL CHECK (event IN ('published', 'corrected', 'taken_down')),
    status       text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
    attempts     int         NOT NULL DEFAULT 0,
    last_result  text,                                          -- HTTP status or the error of the last attempt
    next_at      timestamptz,
    delivered_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (channel_id, event_id)
);
CREATE INDEX channel_deliveries_newest ON channel_deliveries (created_at DESC, id);

CREATE FUNCTION content_events_to_channels() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    what text;
BEGIN
    what := CASE
        WHEN NEW.action = 'correct' THEN 'corrected'
        WHEN NEW.to_state = 'taken_down' AND NEW.from_state IS DISTINCT FROM 'taken_down' THEN 'taken_down'
        WHEN NEW.to_state = 'published' AND NEW.from_state IS DISTINCT FROM 'published' THEN 'published'
    END;
    IF what IS NULL THEN
        RETURN NULL;
    END IF;
    EXECUTE format($f$
        WITH added AS (
            INSERT INTO %1$I.channel_deliveries (channel_id, event_id, item_id, event, next_at)
            SELECT id, $1, $2, $3, now() FROM %1$I.channels WHERE active
            RETURNING id, channel_id)
        INSERT INTO platform.outbox (tenant_code, kind, payload, next_at)
        SELECT $4, 'webhook', jsonb_build_object('deliveryId', id, 'channelId', channel_id), '-infinity' FROM added$f$, TG_TABLE_SCHEMA)
        USING NEW.id, NEW.item_id, what, substr(TG_TABLE_SCHEMA, 3);
    RETURN NULL;
END $$;

CREATE TRIGGER content_events_to_channels AFTER INSERT ON content_events
    FOR EACH ROW EXECUTE FUNCTION content_events_to_channels();
