package vn.cong.content.kinds;

/** Which deadline of the tenant's preset an item of a kind runs against once it is submitted. */
public enum KindDeadline {
    /** Editing and publishing, from receipt (6 h highlighted / 12 h otherwise at MOST); an event's time where given. */
    EDITING,
    /** A document's publication, from its issue (arrival) stamp: the 12:00 rule. */
    DOCUMENT_PUBLICATION,
    /** A draft legal document for public comment, from receipt (leadership approval). */
    DRAFT_FOR_COMMENT
}
