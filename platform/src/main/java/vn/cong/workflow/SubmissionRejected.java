package vn.cong.workflow;

import java.util.Map;

/** A step whose input is incomplete or invalid (HTTP 400): field → Vietnamese message. */
public class SubmissionRejected extends RuntimeException {

    private final Map<String, String> problems;

    public SubmissionRejected(Map<String, String> problems) {
        super("Invalid workflow input: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
