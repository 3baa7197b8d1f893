package vn.cong.site.kinds;

/** Public addresses of the about pages, and the other language: Vietnamese at the root, English under {@code /en}, like every public page. */
final class KindUrls {

    private KindUrls() {
    }

    static String prefix(String lang) {
        return "en".equals(lang) ? "/en" : "";
    }

    static String other(String lang) {
        return "en".equals(lang) ? "vi" : "en";
    }

    static String about(String lang, String page) {
        return prefix(lang) + "/gioi-thieu" + (page.isEmpty() ? "" : "/" + page);
    }
}
