package vn.cong.content.classification;

import java.util.Map;

/** A change of the topic list that cannot be made: field → Vietnamese message. */
public class TopicRejected extends RuntimeException {

    private final transient Map<String, String> problems;

    public TopicRejected(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
