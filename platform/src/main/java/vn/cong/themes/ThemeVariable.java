package vn.cong.themes;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One setting a theme offers its tenants (theme.yaml → {@code variables}): its type, default,
 * the choices it allows ({@code options}, for fonts, choices and home-page blocks) and its label.
 */
public record ThemeVariable(String name, Type type, String defaultValue, List<String> options, Map<String, String> label) {

    public ThemeVariable {
        options = List.copyOf(options);
        label = Map.copyOf(label);
    }

    public ThemeVariable(String name, Type type, String defaultValue) {
        this(name, type, defaultValue, List.of(), Map.of());
    }

    public enum Type {
        COLOR(Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?")),
        /** A CSS font stack; with {@code options}, only one of the theme's safe stacks (no web fonts). */
        FONT(Pattern.compile("[-a-zA-Z0-9 ,]+")),
        TEXT(Pattern.compile("(?s).{0,2000}")),
        /** An uploaded image of the tenant ({@code /media/…}), or empty for none. */
        IMAGE(Pattern.compile("(/media/[0-9]{4}/[a-z0-9-]+\\.(png|jpg))?")),
        /** One of {@code options}. */
        CHOICE(Pattern.compile("[a-z][a-z0-9-]{0,40}")),
        /** Some of {@code options}, in display order, comma-separated. */
        BLOCKS(Pattern.compile("([a-z][a-z0-9-]{0,40}(,[a-z][a-z0-9-]{0,40})*)?"));

        private final Pattern valid;

        Type(Pattern valid) {
            this.valid = valid;
        }

        public boolean accepts(String value) {
            return value != null && valid.matcher(value).matches();
        }
    }

    /** Whether {@code value} fits this variable: its type's form and, where declared, its options. */
    public boolean accepts(String value) {
        if (!type.accepts(value)) {
            return false;
        }
        return switch (type) {
            case FONT -> options.isEmpty() || options.contains(value);
            case CHOICE -> options.contains(value);
            case BLOCKS -> value.isEmpty() || blocksFit(value);
            default -> true;
        };
    }

    /** The label in {@code lang}, the Vietnamese one when that is missing, else the name. */
    public String label(String lang) {
        return label.getOrDefault(lang, label.getOrDefault("vi", name));
    }

    private boolean blocksFit(String value) {
        var seen = new HashSet<String>();
        for (String part : value.split(",")) {
            if (!options.contains(part) || !seen.add(part)) {
                return false;
            }
        }
        return true;
    }
}
