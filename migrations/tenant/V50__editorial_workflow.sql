-- Editorial workflow as data (after Wagtail's Workflow → Task → TaskState): a policy is an ordered
-- list of approval levels, each acted on by named roles; the item's sensitivity says how many levels
-- must approve. A run per submission, a task row per level it reaches; history is content_events.
-- No schema qualifiers: search_path decides.

CREATE TABLE workflow_policies (
    code            text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_-]{1,30}$'),
    name            text NOT NULL,
    description     text NOT NULL DEFAULT '',
    -- who receives, edits and categorises submissions (biên tập viên cấp 1 / bộ phận thường trực)
    editor_roles    text[] NOT NULL,
    -- who may put an approved item online
    publisher_roles text[] NOT NULL,
    -- who decides a takedown (gỡ bỏ) [000 Đ12.2; 003 Đ12.5]
    takedown_roles  text[] NOT NULL,
    -- which deadline preset (vn.cong.workflow.deadline.DeadlinePolicy) applies
    deadline_preset text NOT NULL
);

CREATE TABLE workflow_levels (
    policy_code text NOT NULL REFERENCES workflow_policies (code),
    position    int  NOT NULL CHECK (position >= 1),
    name        text NOT NULL,
    roles       text[] NOT NULL,
    PRIMARY KEY (policy_code, position)
);

-- How many levels (from position 1 up) must approve an item of a sensitivity; 0 = the editors publish.
CREATE TABLE workflow_sensitivity_levels (
    policy_code text NOT NULL REFERENCES workflow_policies (code),
    sensitivity text NOT NULL CHECK (sensitivity IN ('routine', 'sensitive', 'especially_sensitive')),
    levels      int  NOT NULL CHECK (levels >= 0),
    PRIMARY KEY (policy_code, sensitivity)
);

-- The tenant's choice (one row). Onboarding sets it from the manifest's `workflow:` field.
CREATE TABLE workflow_settings (
    id          int  PRIMARY KEY CHECK (id = 1),
    policy_code text NOT NULL REFERENCES workflow_policies (code)
);

-- Hải Phòng Department of Education and Training [seed 003 Điều 12.2, 12.4, 12.5]: the level-1 editor
-- (secretary) edits, categorises and publishes what is approved; the level-2 editor approves routine
-- items; the deputy head approves sensitive ones; the head especially sensitive ones.
INSERT INTO workflow_policies VALUES ('haiphong', 'Bốn cấp (Sở GD&ĐT Hải Phòng)',
    'Biên tập viên cấp 1 biên tập, phân mục và xuất bản tin đã duyệt; biên tập viên cấp 2 duyệt tin thông thường; '
    || 'Phó Trưởng ban duyệt tin nhạy cảm; Trưởng ban duyệt tin đặc biệt nhạy cảm (Điều 12).',
    '{editor}', '{editor,approver,deputy_head,head}', '{deputy_head,head}', 'hai-phong');
INSERT INTO workflow_levels VALUES
    ('haiphong', 1, 'Biên tập viên cấp 2', '{approver}'),
    ('haiphong', 2, 'Phó Trưởng Ban Biên tập phụ trách nội dung', '{deputy_head}'),
    ('haiphong', 3, 'Trưởng Ban Biên tập', '{head}');
INSERT INTO workflow_sensitivity_levels VALUES
    ('haiphong', 'routine', 1), ('haiphong', 'sensitive', 2), ('haiphong', 'especially_sensitive', 3);

-- Ministry of Science and Technology [seed 000 Điều 5, 6, 10, 12]: the standing unit of the board
-- receives, edits and publishes; where needed it sends an item to the board member in charge of the
-- field to check; the head or a deputy head of the board decides what is especially sensitive and
-- takedowns. Leadership's opinion (Đ10.2e) and expert review (Đ11.8) are optional per-item steps.
INSERT INTO workflow_policies VALUES ('most', 'Ban biên tập (Bộ KH&CN)',
    'Bộ phận Thường trực tiếp nhận, biên tập và đăng tải; tin cần kiểm duyệt chuyển thành viên Ban biên tập phụ trách lĩnh vực; '
    || 'tin đặc biệt do Trưởng/Phó Trưởng ban duyệt (Điều 5, 6, 10).',
    '{editor}', '{editor,approver,deputy_head,head}', '{deputy_head,head}', 'most');
INSERT INTO workflow_levels VALUES
    ('most', 1, 'Thành viên Ban biên tập phụ trách lĩnh vực', '{approver}'),
    ('most', 2, 'Trưởng/Phó Trưởng Ban biên tập', '{deputy_head,head}');
INSERT INTO workflow_sensitivity_levels VALUES
    ('most', 'routine', 0), ('most', 'sensitive', 1), ('most', 'especially_sensitive', 2);

INSERT INTO workflow_settings VALUES (1, 'most');

-- One run per submission of an item; the submitter's particulars travel with it [001 Đ9.3; 003 Đ12.3c].
CREATE TABLE workflow_runs (
    id                  bigserial PRIMARY KEY,
    item_id             bigint NOT NULL REFERENCES content_items (id),
    policy_code         text   NOT NULL REFERENCES workflow_policies (code),
    status              text   NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'finished', 'rejected')),
    sensitivity         text   NOT NULL CHECK (sensitivity IN ('routine', 'sensitive', 'especially_sensitive')),
    required_levels     int    NOT NULL,
    current_level       int,
    submitted_by        bigint REFERENCES accounts (id),
    submitted_at        timestamptz NOT NULL DEFAULT now(),
    submitter_unit      text   NOT NULL,
    submitter_name      text   NOT NULL,
    submitter_title     text   NOT NULL DEFAULT '',
    submitter_email     text   NOT NULL,
    submitter_phone     text   NOT NULL,
    event_at            timestamptz,
    event_highlighted   boolean NOT NULL DEFAULT false,   -- sự kiện nổi bật trong kế hoạch truyền thông
    opinion_needed      boolean NOT NULL DEFAULT false,   -- xin ý kiến lãnh đạo [000 Đ10.2e]
    opinion_text        text,
    opinion_by          bigint,
    opinion_at          timestamptz,
    review_needed       boolean NOT NULL DEFAULT false,   -- thẩm định chuyên môn [000 Đ11.8]
    review_text         text,
    review_by           bigint,
    review_at           timestamptz,
    due_at              timestamptz,
    finished_at         timestamptz
);
-- The database keeps the invariant: one active run per item.
CREATE UNIQUE INDEX workflow_runs_one_active ON workflow_runs (item_id) WHERE status = 'in_progress';
CREATE INDEX workflow_runs_due ON workflow_runs (due_at) WHERE status = 'in_progress';

-- One row per approval level a run reaches (Wagtail's TaskState): who finished it, how, when.
CREATE TABLE workflow_tasks (
    id          bigserial PRIMARY KEY,
    run_id      bigint NOT NULL REFERENCES workflow_runs (id),
    level       int    NOT NULL,
    status      text   NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'approved', 'returned', 'rejected')),
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    finished_by bigint,
    comment     text
);
CREATE UNIQUE INDEX workflow_tasks_one_open ON workflow_tasks (run_id) WHERE status = 'in_progress';

-- Corrections (đính chính) shown on the public page, dated [000 Đ12.1].
CREATE TABLE content_corrections (
    id           bigserial PRIMARY KEY,
    item_id      bigint NOT NULL REFERENCES content_items (id),
    note         text   NOT NULL,
    old_version  int    NOT NULL,   -- the revision that keeps the text readers saw before the correction
    new_version  int    NOT NULL,
    corrected_by bigint,
    corrected_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX content_corrections_item ON content_corrections (item_id, corrected_at);

-- In-app notifications for the next actor.
CREATE TABLE notifications (
    id         bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    item_id    bigint REFERENCES content_items (id),
    message    text   NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz
);
CREATE INDEX notifications_unread ON notifications (account_id, created_at DESC) WHERE read_at IS NULL;

CREATE INDEX content_items_state ON content_items (state);

-- Workflow events say what was done (action) and at which level, besides from/to state. The hash
-- covers them too, but only when set, so every event hashed before this migration keeps its hash.
ALTER TABLE content_events
    ADD COLUMN action text,
    ADD COLUMN level  int;

CREATE OR REPLACE FUNCTION content_event_hash(prev_hash text, e content_events) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(coalesce(prev_hash, '') || '|' || (jsonb_build_object(
        'seq', e.chain_seq, 'id', e.id, 'item_id', e.item_id, 'actor_id', e.actor_id,
        'from_state', e.from_state, 'to_state', e.to_state, 'comment', e.comment,
        'reason_code', e.reason_code, 'content_hash', e.content_hash,
        'at', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || jsonb_strip_nulls(jsonb_build_object('action', e.action, 'level', e.level)))::text, 'UTF8')), 'hex')
$$;
