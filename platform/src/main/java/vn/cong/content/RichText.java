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

    /** Plain text fields (titles, summaries): NFC, trimmed. Escaping is the template's job. */
    public static String plain(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }
}
