package vn.cong.site.kinds;

/** Public addresses of the content kinds: Vietnamese at the root, English under {@code /en}, like every public page. */
final class KindUrls {

    private KindUrls() {
    }

    static String prefix(String lang) {
        return "en".equals(lang) ? "/en" : "";
    }

    static String other(String lang) {
        return "en".equals(lang) ? "vi" : "en";
    }

    static String documents(String lang) {
        return prefix(lang) + "/van-ban";
    }

    static String document(String lang, String slug) {
        return documents(lang) + "/" + slug;
    }

    static String consultations(String lang) {
        return prefix(lang) + "/du-thao";
    }

    static String consultation(String lang, String slug) {
        return consultations(lang) + "/" + slug;
    }

    static String procedures(String lang) {
        return prefix(lang) + "/thu-tuc";
    }

    static String procedure(String lang, String slug) {
        return procedures(lang) + "/" + slug;
    }

    static String about(String lang, String page) {
        return prefix(lang) + "/gioi-thieu" + (page.isEmpty() ? "" : "/" + page);
    }
}
