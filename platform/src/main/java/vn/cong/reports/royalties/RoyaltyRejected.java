package vn.cong.reports.royalties;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A royalty or rate entry that cannot be saved: field → Vietnamese message. */
public class RoyaltyRejected extends RuntimeException {

    private final transient Map<String, String> problems;

    public RoyaltyRejected(Map<String, String> problems) {
        super(String.join("; ", problems.values()));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
