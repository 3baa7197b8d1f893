package vn.cong.engagement;

import java.util.Map;

/** A unit that cannot be saved: the problems by field, in Vietnamese. */
public class UnitRejected extends RuntimeException {

    private final Map<String, String> problems;

    public UnitRejected(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
