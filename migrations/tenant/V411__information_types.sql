-- Information types [issue 12, item 3]: a submission says what the item is (event news, a document, a draft
-- for comment, a plan, statistics, a research topic, a monthly or periodic report), which selects its deadline
-- rule; event_at is the moment that rule counts from (the end of the event, the stamp, the leadership's
-- approval, the end of the period) and event_opens_at a multi-day event's opening. NULL: the kind decides.
ALTER TABLE workflow_runs
    ADD COLUMN info_type text CHECK (info_type IN ('news', 'event', 'document', 'draft-document', 'strategy-plan', 'statistics',
                                                   'research-topic', 'monthly-report', 'periodic-report')),
    ADD COLUMN event_opens_at timestamptz CHECK (event_opens_at IS NULL OR event_opens_at < event_at);
