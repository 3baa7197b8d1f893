package vn.cong.themes;

import java.util.Map;

/**
 * A theme version change that cannot be made: a state that does not allow it, a stale form, or
 * values that fail their checks ({@link #errors()}, keyed by variable). The message is Vietnamese.
 */
public class ThemeChangeRefused extends RuntimeException {

    private final Map<String, String> errors;

    public ThemeChangeRefused(String message) {
        this(message, Map.of());
    }

    public ThemeChangeRefused(String message, Map<String, String> errors) {
        super(message);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
