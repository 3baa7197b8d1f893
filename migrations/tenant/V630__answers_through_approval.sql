-- Answers go through the tenant's approval policy like any item [003 Đ13.2; issue 10 point 2]. When the desk sends an
-- answer (of a question, or of a petition it publishes) for approval, the answer becomes a content item of its own kind
-- ('qa_answer', 'petition_answer': not a declared kind, so never listed, searched or shown by the public site as such)
-- and runs through workflow_runs / workflow_tasks / content_events like an article: the same approvers, tasks,
-- notifications and audit. When the workflow publishes it, the question (petition) is published and its asker e-mailed;
-- when an approver rejects it, it goes back to the desk with the reason.
ALTER TABLE questions DROP CONSTRAINT questions_status_check;
ALTER TABLE questions ADD CONSTRAINT questions_status_check
    CHECK (status IN ('unconfirmed', 'received', 'forwarded', 'answered', 'approving', 'published', 'returned', 'merged', 'withdrawn'));
ALTER TABLE questions ADD COLUMN answer_item_id bigint REFERENCES content_items (id);
CREATE UNIQUE INDEX questions_answer_item ON questions (answer_item_id) WHERE answer_item_id IS NOT NULL;

ALTER TABLE petitions DROP CONSTRAINT petitions_status_check;
ALTER TABLE petitions ADD CONSTRAINT petitions_status_check
    CHECK (status IN ('unconfirmed', 'received', 'forwarded', 'answered', 'approving', 'published', 'closed', 'withdrawn'));
ALTER TABLE petitions ADD COLUMN answer_item_id bigint REFERENCES content_items (id);
CREATE UNIQUE INDEX petitions_answer_item ON petitions (answer_item_id) WHERE answer_item_id IS NOT NULL;

-- Petitions have deadlines and reminders like questions: one reminder per petition and step.
CREATE TABLE petition_reminders (
    petition_id bigint      NOT NULL REFERENCES petitions (id),
    step        text        NOT NULL CHECK (step IN ('forward', 'answer', 'publish')),
    sent_at     timestamptz NOT NULL,
    PRIMARY KEY (petition_id, step)
);

-- The desk hears of confirmed comments on drafts in batches: the time of the last batch it was told of.
ALTER TABLE consultation_comments ADD COLUMN desk_notified_at timestamptz;
CREATE INDEX consultation_comments_unnotified ON consultation_comments (submitted_at) WHERE desk_notified_at IS NULL AND status = 'pending';
