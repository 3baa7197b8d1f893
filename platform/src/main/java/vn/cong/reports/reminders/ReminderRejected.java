package vn.cong.reports.reminders;

import java.util.Map;

/** A reminder refused, with a message for each field that is wrong. */
public class ReminderRejected extends RuntimeException {

    private final Map<String, String> problems;

    public ReminderRejected(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
