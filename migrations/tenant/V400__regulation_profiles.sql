-- Regulation profiles [issue 12, item 2]: a tenant follows one seed agency's regulation (a preset in
-- vn.cong.workflow.RegulationPreset) and may change any of its values; the tenant admin's changes are
-- rows here (and in the audit log), so "differs from the preset" is what these rows say.

-- Ministry of Home Affairs [seed 001 Điều 4.3, 11.2–11.3]: the editor-in-chief (Tổng biên tập) decides what
-- is published; the deputies (Phó Tổng biên tập) act on what he assigns them; sensitive or complex items go
-- to the editor-in-chief himself (and, in special cases, to the ministry's leaders: the optional opinion step).
INSERT INTO workflow_policies VALUES ('moha', 'Tổng biên tập (Bộ Nội vụ)',
    'Biên tập viên biên tập; Tổng biên tập hoặc Phó Tổng biên tập được phân công duyệt đăng; tin nhạy cảm, phức tạp do '
    || 'Tổng biên tập quyết định, trường hợp đặc biệt xin ý kiến lãnh đạo Bộ (Điều 4.3, 11).',
    '{editor}', '{editor,deputy_head,head}', '{deputy_head,head}', 'moha');
INSERT INTO workflow_levels VALUES
    ('moha', 1, 'Phó Tổng biên tập được phân công hoặc Tổng biên tập', '{deputy_head,head}'),
    ('moha', 2, 'Tổng biên tập', '{head}');
INSERT INTO workflow_sensitivity_levels VALUES
    ('moha', 'routine', 1), ('moha', 'sensitive', 2), ('moha', 'especially_sensitive', 2);

-- Bình Định Department of Science and Technology [seed 002 Điều 8.3]: every item put on the website is
-- approved by the head of the editorial board or the person the head delegates (the deputy head role).
INSERT INTO workflow_policies VALUES ('binhdinh', 'Trưởng Ban biên tập duyệt (Sở KH&CN Bình Định)',
    'Mọi tin, bài cập nhật lên Cổng phải được Trưởng Ban biên tập hoặc người được Trưởng ban ủy quyền phê duyệt (Điều 8.3).',
    '{editor}', '{editor,deputy_head,head}', '{deputy_head,head}', 'binh-dinh');
INSERT INTO workflow_levels VALUES
    ('binhdinh', 1, 'Trưởng Ban biên tập hoặc người được ủy quyền', '{deputy_head,head}');
INSERT INTO workflow_sensitivity_levels VALUES
    ('binhdinh', 'routine', 1), ('binhdinh', 'sensitive', 1), ('binhdinh', 'especially_sensitive', 1);

-- The preset the tenant follows (one row); onboarding sets it from the manifest's `profile:`.
CREATE TABLE regulation_profile (
    id         int  PRIMARY KEY CHECK (id = 1),
    preset     text NOT NULL CHECK (preset IN ('most', 'moha', 'binhdinh', 'haiphong')),
    chosen_at  timestamptz NOT NULL DEFAULT now()
);
-- a tenant already on Hải Phòng's four levels follows Hải Phòng's preset; every other one MOST's
INSERT INTO regulation_profile (id, preset)
SELECT 1, CASE WHEN policy_code = 'haiphong' THEN 'haiphong' ELSE 'most' END FROM workflow_settings WHERE id = 1;

-- A value the tenant set differently from its preset (the approval policy itself stays in workflow_settings).
CREATE TABLE regulation_values (
    key        text PRIMARY KEY CHECK (key ~ '^[a-z][a-z-]{1,40}$'),
    value      text NOT NULL,
    changed_by bigint REFERENCES accounts (id),
    changed_at timestamptz NOT NULL DEFAULT now()
);
