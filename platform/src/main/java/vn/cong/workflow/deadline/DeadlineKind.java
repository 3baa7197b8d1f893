package vn.cong.workflow.deadline;

/** What a deadline is for; each tenant's policy maps these to rules (seed presets in {@link DeadlinePolicy}). */
public enum DeadlineKind {
    /** Unit sends event news to the board (from the end of the event). */
    EVENT_NEWS_SUBMISSION,
    /** Board edits and publishes an item highlighted in the communication plan (from receipt). */
    EDITING_HIGHLIGHTED,
    /** Board edits and publishes any other item (from receipt). */
    EDITING_ROUTINE,
    /** Legal and directive documents online (from the issue stamp): the 12:00 rule. */
    DOCUMENT_PUBLICATION,
    /** Draft legal documents for public comment (from leadership approval). */
    DRAFT_LEGAL_DOCUMENT,
    /** Strategies, plans, projects, investment, tenders, procurement (from approval). */
    STRATEGY_PLAN_TENDER,
    /** Statistics (from the decision to publish). */
    STATISTICS,
    /** Research programmes and topics (from approval or acceptance). */
    RESEARCH_TOPIC,
    /** Monthly reports (from the end of the month). */
    MONTHLY_REPORT,
    /** Quarterly and half-year reports (from the end of the period). */
    PERIODIC_REPORT,
    /** Q&A: question forwarded to the responsible unit (from receipt). */
    QA_FORWARD,
    /** Q&A: answer from one unit (from forwarding). */
    QA_ANSWER_ONE_UNIT,
    /** Q&A: answer needing two or more units (from forwarding). */
    QA_ANSWER_SEVERAL_UNITS,
    /** Q&A: answer published and e-mailed (from its arrival). */
    QA_PUBLISH_ANSWER
}
