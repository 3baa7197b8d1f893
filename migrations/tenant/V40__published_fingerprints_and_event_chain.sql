-- Integrity [002 Đ6.1]: published content is fingerprinted when the workflow publishes it, and the
-- workflow's event log is a hash chain, so the daily check can tell what changed behind its back.
-- No schema qualifiers: search_path decides (a restored tenant may get another schema name).

-- The public fields of an item, the one definition both the workflow (when it publishes) and the
-- integrity check (when it re-hashes) use. Times are written in UTC so that the session's time zone
-- never changes a fingerprint; jsonb's text form is canonical (keys sorted, no whitespace choice).
CREATE FUNCTION content_public_fields(i content_items) RETURNS jsonb
    LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'title', i.title, 'summary', i.summary, 'body_html', i.body_html, 'source', i.source,
        'slug', i.slug, 'language', i.language, 'section_id', i.section_id, 'cover_url', i.cover_url,
        'published_at', to_char(i.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
$$;

CREATE FUNCTION content_fingerprint(fields jsonb) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(fields::text, 'UTF8')), 'hex')
$$;

-- Written by the application right after it publishes (or saves a published item), in the same
-- transaction. Deliberately NOT a trigger: a trigger would also bless an edit made by direct SQL.
ALTER TABLE content_items
    ADD COLUMN published_hash     text,
    ADD COLUMN published_snapshot jsonb,
    ADD COLUMN fingerprinted_at   timestamptz;

-- Items already public when the platform gains this check are its baseline.
UPDATE content_items i
SET published_snapshot = content_public_fields(i),
    published_hash     = content_fingerprint(content_public_fields(i)),
    fingerprinted_at   = now()
WHERE state = 'published';

-- The event log as a hash chain: every event carries the hash of the one before it and a hash over
-- its own fields, and a gapless sequence number, so an altered, removed or back-dated event shows.
ALTER TABLE content_events
    ADD COLUMN content_hash text,     -- the item's published fingerprint, on events that (re)publish it
    ADD COLUMN chain_seq    bigint,
    ADD COLUMN prev_hash    text,
    ADD COLUMN hash         text;

-- The head of the chain: one row, locked by every insert until its transaction ends, so concurrent
-- inserts queue and each links to the one committed before it (no fork, under any isolation level:
-- a serializable writer gets a serialization failure instead).
CREATE TABLE content_event_chain (
    id   int    PRIMARY KEY CHECK (id = 1),
    seq  bigint NOT NULL,
    hash text   NOT NULL
);

-- The one definition of an event's hash, used by the insert trigger and by the verifier.
CREATE FUNCTION content_event_hash(prev_hash text, e content_events) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(coalesce(prev_hash, '') || '|' || jsonb_build_object(
        'seq', e.chain_seq, 'id', e.id, 'item_id', e.item_id, 'actor_id', e.actor_id,
        'from_state', e.from_state, 'to_state', e.to_state, 'comment', e.comment,
        'reason_code', e.reason_code, 'content_hash', e.content_hash,
        'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text, 'UTF8')), 'hex')
$$;

-- Events written before the chain existed are chained in id order.
INSERT INTO content_event_chain (id, seq, hash) VALUES (1, 0, repeat('0', 64));
DO $$
DECLARE
    e    content_events;
    n    bigint := 0;
    head text   := repeat('0', 64);
BEGIN
    FOR e IN SELECT * FROM content_events ORDER BY id LOOP
        n := n + 1;
        e.chain_seq := n;
        UPDATE content_events SET chain_seq = n, prev_hash = head, hash = content_event_hash(head, e) WHERE id = e.id
            RETURNING hash INTO head;
    END LOOP;
    UPDATE content_event_chain SET seq = n, hash = head WHERE id = 1;
END $$;

ALTER TABLE content_events
    ALTER COLUMN chain_seq SET NOT NULL,
    ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL,
    ADD CONSTRAINT content_events_chain_seq UNIQUE (chain_seq);

-- Schema-qualified through TG_TABLE_SCHEMA: an insert made with another search_path still chains.
CREATE FUNCTION content_events_chain() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    head_seq  bigint;
    head_hash text;
    own_hash  text;
BEGIN
    EXECUTE format('UPDATE %I.content_event_chain SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash', TG_TABLE_SCHEMA)
        INTO head_seq, head_hash;
    IF head_seq IS NULL THEN
        RAISE EXCEPTION 'content_event_chain of schema % has no head row', TG_TABLE_SCHEMA;
    END IF;
    NEW.chain_seq := head_seq;
    NEW.prev_hash := head_hash;
    EXECUTE format('SELECT %I.content_event_hash($1, $2)', TG_TABLE_SCHEMA) INTO own_hash USING head_hash, NEW;
    NEW.hash := own_hash;
    EXECUTE format('UPDATE %I.content_event_chain SET hash = $1 WHERE id = 1', TG_TABLE_SCHEMA) USING own_hash;
    RETURN NEW;
END $$;

CREATE TRIGGER content_events_chain BEFORE INSERT ON content_events
    FOR EACH ROW EXECUTE FUNCTION content_events_chain();

-- Append-only: the application never changes or removes an event. (Someone with the owner's rights
-- can still switch this off; the chain is what then shows the change.)
CREATE FUNCTION content_events_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'content_events is append-only: % refused', TG_OP USING ERRCODE = '42501';
END $$;

CREATE TRIGGER content_events_append_only BEFORE UPDATE OR DELETE ON content_events
    FOR EACH ROW EXECUTE FUNCTION content_events_append_only();
CREATE TRIGGER content_events_no_truncate BEFORE TRUNCATE ON content_events
    FOR EACH STATEMENT EXECUTE FUNCTION content_events_append_only();
