-- Content kinds beyond articles [000 Đ4; 001 Đ11, Đ14; 003 Đ11]. Every kind is a row of
-- content_items (kind, title, slug, body, state, versions, events); what only one kind has lives in
-- a side table keyed by the item. No schema qualifiers: search_path decides.

-- Uploads that are attachments are only ever served as downloads of a public item, never as /media.
ALTER TABLE media_files ADD COLUMN attachment boolean NOT NULL DEFAULT false;

-- Files attached to any item: ordered, with a caption (tệp đính kèm).
CREATE TABLE content_attachments (
    id         bigserial PRIMARY KEY,
    item_id    bigint NOT NULL REFERENCES content_items (id),
    media_id   bigint NOT NULL REFERENCES media_files (id),
    position   int    NOT NULL,
    caption    text   NOT NULL DEFAULT '',
    created_by bigint REFERENCES accounts (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX content_attachments_item ON content_attachments (item_id, position, id);

-- Types of legal and directive documents (loại văn bản): the tenant edits the list; these are presets.
CREATE TABLE document_types (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_vi  text NOT NULL,
    name_en  text NOT NULL,
    position int  NOT NULL DEFAULT 0
);
INSERT INTO document_types (code, name_vi, name_en, position) VALUES
    ('luat', 'Luật', 'Law', 10),
    ('phap-lenh', 'Pháp lệnh', 'Ordinance', 20),
    ('nghi-quyet', 'Nghị quyết', 'Resolution', 30),
    ('nghi-dinh', 'Nghị định', 'Decree', 40),
    ('quyet-dinh', 'Quyết định', 'Decision', 50),
    ('thong-tu', 'Thông tư', 'Circular', 60),
    ('thong-tu-lien-tich', 'Thông tư liên tịch', 'Joint circular', 70),
    ('chi-thi', 'Chỉ thị', 'Directive', 80),
    ('cong-van', 'Công văn', 'Official letter', 90),
    ('thong-bao', 'Thông báo', 'Notice', 100),
    ('ke-hoach', 'Kế hoạch', 'Plan', 110),
    ('huong-dan', 'Hướng dẫn', 'Guidance', 120);

-- Legal and directive documents (văn bản): kind 'document'.
CREATE TABLE legal_documents (
    item_id      bigint PRIMARY KEY REFERENCES content_items (id),
    number       text NOT NULL,                         -- số, ký hiệu, e.g. 1711/QĐ-BKHCN
    type_code    text NOT NULL REFERENCES document_types (code) ON UPDATE CASCADE,
    issuer       text NOT NULL,                         -- cơ quan ban hành
    signer       text NOT NULL DEFAULT '',              -- người ký
    issued_on    date NOT NULL,                         -- ngày ban hành
    effective_on date,                                  -- ngày có hiệu lực
    expires_on   date,                                  -- ngày hết hiệu lực
    status       text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'expired', 'replaced')),
    replaced_by  bigint REFERENCES content_items (id),  -- the document that replaces this one
    CHECK (status <> 'replaced' OR replaced_by IS NOT NULL),
    CHECK (replaced_by IS NULL OR replaced_by <> item_id)
);
CREATE INDEX legal_documents_filters ON legal_documents (type_code, issued_on DESC);

-- One row of the tenant's rules for documents.
CREATE TABLE document_settings (
    id                  int PRIMARY KEY CHECK (id = 1),
    -- both a .pdf and a .doc/.docx must be attached before a document goes online [MISSION §2]
    require_pdf_and_doc boolean NOT NULL DEFAULT false
);
INSERT INTO document_settings (id) VALUES (1);

-- Drafts for public consultation (dự thảo lấy ý kiến): kind 'consultation' [000 Đ10.1đ; 001 Đ11.3c].
CREATE TABLE consultations (
    item_id         bigint PRIMARY KEY REFERENCES content_items (id),
    opens_at        timestamptz NOT NULL,
    closes_at       timestamptz NOT NULL,
    comment_email   text NOT NULL DEFAULT '',
    comment_address text NOT NULL DEFAULT '',   -- postal address for written comments
    CHECK (closes_at > opens_at)
);

-- Administrative procedures and online public services (thủ tục hành chính, dịch vụ công trực tuyến): kind 'procedure' [001 Đ14].
CREATE TABLE procedures (
    item_id            bigint PRIMARY KEY REFERENCES content_items (id),
    service_level      int  NOT NULL CHECK (service_level IN (2, 3, 4)),   -- mức độ
    online_url         text,
    field              text NOT NULL DEFAULT '',   -- lĩnh vực
    unit               text NOT NULL DEFAULT '',   -- đơn vị thực hiện
    processing_time    text NOT NULL DEFAULT '',   -- thời hạn giải quyết
    fees               text NOT NULL DEFAULT '',   -- phí, lệ phí
    required_documents text NOT NULL DEFAULT ''    -- thành phần hồ sơ
);

-- Standing pages (giới thiệu) [000 Đ4.1]: introduction, functions and tasks, history, contacts are
-- items of kind 'page' with a fixed role; leadership, units and the phone directory are lists.
CREATE TABLE standing_pages (
    role    text PRIMARY KEY CHECK (role IN ('introduction', 'functions', 'history', 'contacts')),
    item_id bigint NOT NULL UNIQUE REFERENCES content_items (id)
);

CREATE TABLE leaders (
    id        bigserial PRIMARY KEY,
    full_name text NOT NULL,
    job_title text NOT NULL,
    bio       text NOT NULL DEFAULT '',
    photo_url text,
    photo_alt text,
    position  int  NOT NULL DEFAULT 0
);

CREATE TABLE org_units (
    id        bigserial PRIMARY KEY,
    parent_id bigint REFERENCES org_units (id),
    name      text NOT NULL,
    duties    text NOT NULL DEFAULT '',
    position  int  NOT NULL DEFAULT 0
);

CREATE TABLE phone_directory (
    id        bigserial PRIMARY KEY,
    full_name text NOT NULL,
    job_title text NOT NULL DEFAULT '',
    unit      text NOT NULL DEFAULT '',
    phone     text NOT NULL DEFAULT '',
    email     text NOT NULL DEFAULT '',
    position  int  NOT NULL DEFAULT 0
);
