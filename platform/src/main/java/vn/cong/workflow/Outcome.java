package vn.cong.workflow;

/** An item after a workflow step: its new state and the version to send with the next step. */
public record Outcome(long itemId, int version, String state) {
}
