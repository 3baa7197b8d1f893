package vn.cong.system;

/**
 * Text typed by the public, made safe for a spreadsheet or CSV cell: a value a spreadsheet would read as a
 * formula (starting with {@code =}, {@code +}, {@code -} or {@code @}, or with a tab or carriage return before
 * one) gets an apostrophe in front, so it is shown as the text it is and never evaluated (OWASP CSV injection).
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
