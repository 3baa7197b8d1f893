package vn.cong.workflow;

/** A role, level or state that may not take this step (HTTP 403); the message says why, in Vietnamese. */
public class WorkflowRefused extends RuntimeException {

    public WorkflowRefused(String message) {
        super(message);
    }
}
