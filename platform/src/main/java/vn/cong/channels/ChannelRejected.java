package vn.cong.channels;

import java.util.Map;

/** A channel that cannot be saved as typed: a Vietnamese message per field. */
public class ChannelRejected extends RuntimeException {

    private final Map<String, String> problems;

    public ChannelRejected(Map<String, String> problems) {
        super("Channel refused: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
