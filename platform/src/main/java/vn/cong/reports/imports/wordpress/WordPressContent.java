package vn.cong.reports.imports.wordpress;

import vn.cong.content.RichText;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post's text made into an item's body: the block editor's markers ({@code <!-- wp:paragraph -->}) removed, the
 * classic editor's paragraphs (blank lines, which WordPress turns into paragraphs only when it shows a post) made
 * into {@code <p>}, the addresses of pictures the import brought over rewritten to their new ones, and the result
 * through the portal's sanitiser, which stays the authority on what a body may hold.
 */
final class WordPressContent {

    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:.*?-->", Pattern.DOTALL);
    private static final Pattern BLOCK_TAG = Pattern.compile("^\\s*<(p|div|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|blockquote|figure|pre|hr|img|section)[\\s>/]",
            Pattern.CASE_INSENSITIVE);
    /** A picture's address; WordPress's smaller copies add -300x200 before the extension. */
    private static final Pattern SIZED = Pattern.compile("-\\d{2,5}x\\d{2,5}(\\.[A-Za-z0-9]+)$");
    private static final Pattern SRC = Pattern.compile("(?i)(\\s(?:src|href)\\s*=\\s*)([\"'])(.*?)\\2");
    private static final Pattern SRCSET = Pattern.compile("(?i)\\s(srcset|sizes)\\s*=\\s*([\"']).*?\\2");

    private WordPressContent() {
    }

    static boolean isBlockContent(String content) {
        return content.contains("<!-- wp:");
    }

    /** @param media old address (as in the export) → new address under {@code /media} */
    static String body(String content, Map<String, String> media) {
        String text = BLOCK_COMMENT.matcher(content == null ? "" : content).replaceAll("");
        if (!isBlockContent(content == null ? "" : content)) {
            text = paragraphs(text);
        }
        return RichText.sanitize(rewrite(text, media));
    }

    /** WordPress's autop in short: blocks separated by blank lines become paragraphs, single line breaks {@code <br>}. */
    static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            String b = block.strip();
            if (b.isEmpty()) {
                continue;
            }
            out.append(BLOCK_TAG.matcher(b).find() ? b : "<p>" + b.replace("\n", "<br>\n") + "</p>").append('\n');
        }
        return out.toString();
    }

    /** Links and pictures pointing at a brought-over file now point at its new address; srcset lists are dropped. */
    static String rewrite(String html, Map<String, String> media) {
        String noSets = SRCSET.matcher(html).replaceAll("");
        Matcher m = SRC.matcher(noSets);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replaced = newAddress(m.group(3), media);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + (replaced == null ? m.group(3) : replaced) + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The new address of an old file's address (or one of its smaller copies), or null when it was not brought over. */
    static String newAddress(String oldUrl, Map<String, String> media) {
        String url = oldUrl.replace("&amp;", "&").strip();
        String found = media.get(key(url));
        if (found == null) {
            found = media.get(key(SIZED.matcher(url).replaceFirst("$1")));
        }
        return found;
    }

    /** How an old address is matched: without scheme (http and https are the same file) and query. */
    static String key(String url) {
        String u = url.replaceFirst("^(?i)https?:", "");
        int q = u.indexOf('?');
        return (q >= 0 ? u.substring(0, q) : u).toLowerCase(java.util.Locale.ROOT);
    }
}
