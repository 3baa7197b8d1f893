-- The integrity check [002 Đ6.1] covers what the content kinds publish beyond an item's own columns:
-- a document's number, dates and status, a consultation's window, a procedure's level and link, and
-- the attached files (by SHA-256). Keys are added only where there is something to add, so the
-- fingerprint of an article without attachments is exactly what it was: nothing already published
-- is reported as changed by this migration.

-- A kind's side-table fields as the public sees them (times in UTC, like published_at).
CREATE FUNCTION content_kind_details(item_id bigint, kind text) RETURNS jsonb
    LANGUAGE sql STABLE AS $$
    SELECT CASE kind
        WHEN 'document' THEN (SELECT jsonb_build_object('number', d.number, 'type_code', d.type_code, 'issuer', d.issuer,
                'signer', d.signer, 'issued_on', d.issued_on, 'effective_on', d.effective_on, 'expires_on', d.expires_on,
                'status', d.status, 'replaced_by', d.replaced_by) FROM legal_documents d WHERE d.item_id = $1)
        WHEN 'consultation' THEN (SELECT jsonb_build_object(
                'opens_at', to_char(k.opens_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                'closes_at', to_char(k.closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                'comment_email', k.comment_email, 'comment_address', k.comment_address) FROM consultations k WHERE k.item_id = $1)
        WHEN 'procedure' THEN (SELECT jsonb_build_object('service_level', p.service_level, 'online_url', p.online_url,
                'field', p.field, 'unit', p.unit, 'processing_time', p.processing_time, 'fees', p.fees,
                'required_documents', p.required_documents) FROM procedures p WHERE p.item_id = $1)
    END
$$;

-- The attachments of an item in their order, or NULL when it has none.
CREATE FUNCTION content_attachment_digest(item_id bigint) RETURNS jsonb
    LANGUAGE sql STABLE AS $$
    SELECT jsonb_agg(jsonb_build_object('sha256', m.sha256, 'name', m.original_name, 'caption', a.caption)
                     ORDER BY a.position, a.id)
    FROM content_attachments a JOIN media_files m ON m.id = a.media_id WHERE a.item_id = $1
$$;

CREATE OR REPLACE FUNCTION content_public_fields(i content_items) RETURNS jsonb
    LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'title', i.title, 'summary', i.summary, 'body_html', i.body_html, 'source', i.source,
        'slug', i.slug, 'language', i.language, 'section_id', i.section_id, 'cover_url', i.cover_url,
        'published_at', to_char(i.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || CASE WHEN content_kind_details(i.id, i.kind) IS NULL THEN '{}'::jsonb
                ELSE jsonb_build_object('details', content_kind_details(i.id, i.kind)) END
        || CASE WHEN content_attachment_digest(i.id) IS NULL THEN '{}'::jsonb
                ELSE jsonb_build_object('attachments', content_attachment_digest(i.id)) END
$$;
