package vn.cong.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A draft that cannot be saved as it is; {@code problems} maps each field, in form order, to a message for the editor (HTTP 422). */
public class DraftRejected extends RuntimeException {

    private final Map<String, String> problems;

    public DraftRejected(Map<String, String> problems) {
        super("Bài viết chưa lưu được: " + String.join("; ", problems.values()));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
