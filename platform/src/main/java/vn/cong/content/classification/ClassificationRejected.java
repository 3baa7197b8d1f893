package vn.cong.content.classification;

import java.util.Map;

/** A classification that cannot be saved: field → Vietnamese message. */
public class ClassificationRejected extends RuntimeException {

    private final transient Map<String, String> problems;

    public ClassificationRejected(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
