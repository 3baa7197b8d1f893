package vn.cong.content;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import java.text.Normalizer;

/** Article bodies are stored sanitised (OWASP Java HTML Sanitizer): no script, no event handlers, no styles. */
public final class RichText {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("figure", "figcaption", "hr", "br")
                    .allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("noopener")
                    .toFactory());

    private RichText() {
    }

    public static String sanitize(String html) {
        return POLICY.sanitize(Normalizer.normalize(html == null ? "" : html, Normalizer.Form.NFC));
    }

    /**
     * How many images in {@code html} have no text alternative ({@code alt} missing or blank): every image a
     * portal publishes needs one (WCAG 1.1.1), so the editor asks for it and saving refuses without it.
     */
    public static int imagesWithoutDescription(String html) {
        if (html == null || !html.contains("<")) {
            return 0;
        }
        int[] count = {0};
        new HtmlPolicyBuilder().allowElements((name, attrs) -> {
            boolean described = false;
            for (int i = 0; i + 1 < attrs.size(); i += 2) { // name, value, name, value, …
                described |= "alt".equals(attrs.get(i)) && !attrs.get(i + 1).isBlank();
            }
            if (!described) {
                count[0]++;
            }
            return null;
        }, "img").allowAttributes("alt").onElements("img").toFactory().sanitize(Normalizer.normalize(html, Normalizer.Form.NFC));
        return count[0];
    }

    /** Plain text fields (titles, summaries): NFC, trimmed. Escaping is the template's job. */
    public static String plain(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }
}
