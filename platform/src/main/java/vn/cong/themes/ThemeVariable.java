package vn.cong.themes;

import java.util.regex.Pattern;

/** One setting a theme offers its tenants (theme.yaml → {@code variables}), with its type and default. */
public record ThemeVariable(String name, Type type, String defaultValue) {

    public enum Type {
        COLOR(Pattern.compile("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?")),
        FONT(Pattern.compile("[-a-zA-Z0-9 ,]+")),
        TEXT(Pattern.compile("(?s).{0,2000}"));

        private final Pattern valid;

        Type(Pattern valid) {
            this.valid = valid;
        }

        public boolean accepts(String value) {
            return value != null && valid.matcher(value).matches();
        }
    }
}
