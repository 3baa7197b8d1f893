package vn.cong.admin.themes;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A colour variable is offered twice on the form: as text ({@code #rrggbb}, kept as typed) and as
 * the browser's colour picker ({@code v-<name>-picker}), with the text shown kept in
 * {@code v-<name>-was}. Staff pages run no script, so the server decides which of the two the
 * person used: a changed text wins; an unchanged text with a moved picker takes the picker's colour.
 */
final class ColourEntry {

    private static final Pattern LONG = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern SHORT = Pattern.compile("#[0-9a-fA-F]{3}");
    /** What a colour input shows for a value it cannot show (it only takes {@code #rrggbb}). */
    private static final String UNSHOWABLE = "#000000";

    private ColourEntry() {
    }

    /** The value a colour input shows for {@code typed}: {@code #rrggbb} in lower case, a 3-digit colour spelt out. */
    static String pickerValue(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (LONG.matcher(t).matches()) {
            return t.toLowerCase(Locale.ROOT);
        }
        if (SHORT.matcher(t).matches()) {
            String s = t.toLowerCase(Locale.ROOT);
            return "#" + s.charAt(1) + s.charAt(1) + s.charAt(2) + s.charAt(2) + s.charAt(3) + s.charAt(3);
        }
        return UNSHOWABLE;
    }

    /** The colour posted: {@code typed} unless it is what was shown and the picker was moved away from that. */
    static String chosen(String typed, String was, String picked) {
        if (was == null || picked == null || !typed.equals(was)) {
            return typed;
        }
        String p = picked.strip().toLowerCase(Locale.ROOT);
        return LONG.matcher(p).matches() && !p.equals(pickerValue(was)) ? p : typed;
    }
}
