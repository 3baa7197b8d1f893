package vn.cong.site;

/**
 * The public URL scheme: Vietnamese at the root, English under {@code /en}. Links are relative to
 * the host, so a portal answers the same on its fourth-level domain and on its aliases.
 */
public final class PublicUrls {

    private PublicUrls() {
    }

    public static String home(String lang) {
        return english(lang) ? "/en" : "/";
    }

    public static String section(String lang, String slug) {
        return prefix(lang) + "/chuyen-muc/" + slug;
    }

    public static String section(String lang, String slug, int page) {
        return page <= 1 ? section(lang, slug) : section(lang, slug) + "?trang=" + page;
    }

    public static String article(String lang, String slug) {
        return prefix(lang) + "/bai-viet/" + slug;
    }

    public static String directory(String lang) {
        return prefix(lang) + "/don-vi";
    }

    /** The language of a public path: English under {@code /en}, Vietnamese everywhere else. */
    public static String languageOf(String path) {
        return path.equals("/en") || path.startsWith("/en/") ? "en" : "vi";
    }

    static String other(String lang) {
        return english(lang) ? "vi" : "en";
    }

    private static String prefix(String lang) {
        return english(lang) ? "/en" : "";
    }

    private static boolean english(String lang) {
        return "en".equals(lang);
    }
}
