package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * Text typed into a public form (question, comment, petition), cleaned the same way for every form: NFC, control
 * characters removed so nothing reaches a mail header, and the one e-mail address check.
 */
public final class PublicText {

    public static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+$");

    private PublicText() {
    }

    /** One line of text: NFC, control characters (CR and LF too) replaced by spaces, trimmed. */
    public static String line(@Nullable String s) {
        return Units.nfc(s).replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ").strip();
    }

    /** Several lines of text: NFC, line breaks kept as \n, other control characters removed. */
    public static String text(@Nullable String s) {
        return Units.nfc(s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("[\\p{Cntrl}&&[^\n]]", "").strip();
    }

    /** Whether {@code s} (as typed) is an e-mail address a confirmation link can be sent to. */
    public static boolean isEmail(@Nullable String s) {
        String e = line(s);
        return !e.isEmpty() && e.length() <= EMAIL_MAX && EMAIL.matcher(e).matches();
    }
}
