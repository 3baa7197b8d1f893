package vn.cong.content.procedures;

import java.util.List;
import java.util.Map;

/** Processing figures refused: problems by form field (one month entered), or one line per wrong CSV row (nothing imported). */
public class FiguresRejected extends RuntimeException {

    private final Map<String, String> problems;
    private final List<String> rowErrors;

    public FiguresRejected(Map<String, String> problems, List<String> rowErrors) {
        super(problems.isEmpty() ? String.join(" ", rowErrors) : String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
        this.rowErrors = List.copyOf(rowErrors);
    }

    public Map<String, String> problems() {
        return problems;
    }

    public List<String> rowErrors() {
        return rowErrors;
    }
}
