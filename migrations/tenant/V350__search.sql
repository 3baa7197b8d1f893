-- Search over what the portal publishes [issue 11]. Every item (articles and every declared kind) is a
-- content_items row, so one generated tsvector covers them all and PostgreSQL keeps it current on every
-- write, whatever path wrote it. Weights: A title, B the kind's key fields (a document's number) and
-- summary, C the body. Dictionary 'simple' (there is no Vietnamese one) over text without diacritics
-- (extensions.search_text, created by the platform migration V100; qualified because Flyway runs this
-- with only the tenant's schema on its search path).

-- What a kind adds to an item's searchable words besides title, summary and body (weight B), written by
-- the kind's own table through a trigger, e.g. a legal document's number and symbol.
ALTER TABLE content_items ADD COLUMN search_keys text NOT NULL DEFAULT '';

ALTER TABLE content_items ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, extensions.search_text(title)), 'A')
     || setweight(to_tsvector('simple'::regconfig, extensions.search_text(search_keys || ' ' || summary)), 'B')
     || setweight(to_tsvector('simple'::regconfig, extensions.search_text(extensions.html_text(body_html))), 'C')) STORED;

-- The words the typo fallback (pg_trgm word similarity) compares a query with: title, keys and summary.
ALTER TABLE content_items ADD COLUMN search_words text GENERATED ALWAYS AS (
        extensions.search_text(title || ' ' || search_keys || ' ' || summary)) STORED;

CREATE INDEX content_items_search ON content_items USING gin (search_vector);
CREATE INDEX content_items_search_words ON content_items USING gin (search_words extensions.gin_trgm_ops);

-- A document is found by its number as written ("123/QĐ-BKHCN", one token for the parser) and by its parts
-- ("123", "QĐ", "BKHCN").
-- The table is named through the trigger's own schema, not the search path: the trigger works whoever writes.
CREATE FUNCTION legal_documents_search_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('UPDATE %I.content_items SET search_keys = $1 WHERE id = $2', TG_TABLE_SCHEMA)
        USING NEW.number || ' ' || regexp_replace(NEW.number, '[^[:alnum:]]+', ' ', 'g'), NEW.item_id;
    RETURN NEW;
END $$;

CREATE TRIGGER legal_documents_search_keys AFTER INSERT OR UPDATE OF number ON legal_documents
    FOR EACH ROW EXECUTE FUNCTION legal_documents_search_keys();

UPDATE content_items i SET search_keys = d.number || ' ' || regexp_replace(d.number, '[^[:alnum:]]+', ' ', 'g')
  FROM legal_documents d WHERE d.item_id = i.id;
