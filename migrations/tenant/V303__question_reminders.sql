-- One reminder per question and step when its deadline nears (so a job running every few minutes reminds once).
CREATE TABLE question_reminders (
    question_id bigint      NOT NULL REFERENCES questions (id),
    step        text        NOT NULL CHECK (step IN ('forward', 'answer', 'publish')),
    sent_at     timestamptz NOT NULL,
    PRIMARY KEY (question_id, step)
);
