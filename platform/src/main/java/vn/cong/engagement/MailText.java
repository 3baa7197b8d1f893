package vn.cong.engagement;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sanitised answer HTML as the plain text of an e-mail: paragraphs and list items on their own lines, entities decoded. */
final class MailText {

    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</(p|li|h[1-6]|tr|div|blockquote)>");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    private MailText() {
    }

    static String of(String html) {
        if (html == null) {
            return "";
        }
        String text = TAGS.matcher(BREAKS.matcher(html).replaceAll("\n")).replaceAll("");
        Matcher m = NUMERIC.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(b, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        m.appendTail(b);
        return b.toString().replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&").replaceAll("\n{3,}", "\n\n").strip();
    }
}
