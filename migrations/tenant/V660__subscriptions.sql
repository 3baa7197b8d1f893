-- E-mail subscriptions (đăng ký nhận tin, issue 11 point 7): a citizen subscribes by e-mail to the new items of a section
-- (and the sections under it) or of a kind (legal documents above all), immediately or as one digest a day. Personal data is
-- kept minimal: the address, the topic, the language of the messages and the dates; no name, no IP address. A subscription
-- counts only once its address is confirmed (a link valid a day, only its SHA-256 stored); unconfirmed ones are purged
-- after a few days by the daily job. The unsubscribe token is stored as it is: every message must carry it, and all it can
-- do is end this one subscription.
CREATE TABLE subscriptions (
    id                 bigserial PRIMARY KEY,
    email              text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    language           text        NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
    section_id         bigint      REFERENCES sections (id) ON DELETE CASCADE,
    kind               text        CHECK (kind ~ '^[a-z][a-z0-9_-]*$'),
    frequency          text        NOT NULL CHECK (frequency IN ('immediate', 'daily')),
    status             text        NOT NULL DEFAULT 'unconfirmed' CHECK (status IN ('unconfirmed', 'confirmed')),
    confirm_hash       text,
    confirm_expires_at timestamptz,
    unsubscribe_token  text        NOT NULL UNIQUE,
    created_at         timestamptz NOT NULL,
    confirmed_at       timestamptz,
    last_digest_on     date,                          -- the Vietnam-time day of the latest digest (one a day)
    CHECK ((section_id IS NULL) <> (kind IS NULL))
);
CREATE UNIQUE INDEX subscriptions_one_per_topic ON subscriptions (lower(email), coalesce(section_id, 0), coalesce(kind, ''));
CREATE INDEX subscriptions_confirm ON subscriptions (confirm_hash) WHERE confirm_hash IS NOT NULL;
CREATE INDEX subscriptions_active ON subscriptions (frequency, language) WHERE status = 'confirmed';

-- Which item went to which subscription: an item is never sent twice to one subscriber, whether immediately or in a digest,
-- even when the sending is retried or runs on two nodes.
CREATE TABLE subscription_sent (
    subscription_id bigint      NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    item_id         bigint      NOT NULL REFERENCES content_items (id),
    sent_at         timestamptz NOT NULL,
    PRIMARY KEY (subscription_id, item_id)
);

-- A publication (a first publication or a republication; corrections are not new items) queues one outbox message of kind
-- 'subscription' when any immediate subscription is confirmed, in the transaction of the publication; delivering it writes
-- the e-mails (vn.cong.subscriptions.SubscriptionMail). Schema and tenant code from TG_TABLE_SCHEMA, as V560 does.
CREATE FUNCTION content_events_to_subscriptions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    wanted boolean;
BEGIN
    IF NEW.to_state <> 'published' OR NEW.from_state IS NOT DISTINCT FROM 'published' OR NEW.action IS NOT DISTINCT FROM 'correct' THEN
        RETURN NULL;
    END IF;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.subscriptions WHERE status = ''confirmed'' AND frequency = ''immediate'')',
        TG_TABLE_SCHEMA) INTO wanted;
    IF wanted THEN
        INSERT INTO platform.outbox (tenant_code, kind, payload, next_at)
        VALUES (substr(TG_TABLE_SCHEMA, 3), 'subscription', jsonb_build_object('itemId', NEW.item_id), '-infinity');
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER content_events_to_subscriptions AFTER INSERT ON content_events
    FOR EACH ROW EXECUTE FUNCTION content_events_to_subscriptions();
