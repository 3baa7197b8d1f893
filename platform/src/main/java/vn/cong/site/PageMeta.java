package vn.cong.site;

import io.micronaut.core.annotation.Nullable;

/**
 * What a public page tells search engines and link previews (issue 11, point 6): its canonical address on the
 * tenant's registered primary host, a description, and for Open Graph and Twitter cards the image, the kind of
 * page and the portal's name. Given to templates as {@code meta}; {@code layout :: head} prints it.
 */
public record PageMeta(String canonicalUrl, String description, @Nullable String imageUrl, @Nullable String imageAlt,
                       String type, String siteName, String locale, String openSearchUrl) {

    /** Model keys a page builder sets to describe its page better than the portal's default. */
    public static final String DESCRIPTION = "metaDescription";
    public static final String IMAGE = "metaImage";
    public static final String IMAGE_ALT = "metaImageAlt";
    public static final String TYPE = "metaType";
    /** The path of the page this one stands for (a print view's item page), when it is not the page's own. */
    public static final String CANONICAL = "metaCanonical";

    static PageMeta of(SiteContext ctx, String canonicalUrl, java.util.Map<String, Object> model, java.util.function.UnaryOperator<String> absolute) {
        Object described = model.get(DESCRIPTION);
        String description = described instanceof String s && !s.isBlank() ? s : ctx.text().get("meta.description")
                .replace("{0}", ctx.tenant().name(ctx.lang()));
        Object image = model.get(IMAGE);
        String imageUrl = image instanceof String s && !s.isBlank() ? (s.startsWith("/") ? absolute.apply(s) : s) : null;
        Object alt = model.get(IMAGE_ALT);
        Object type = model.get(TYPE);
        return new PageMeta(canonicalUrl, shorten(description), imageUrl, alt instanceof String a ? a : null,
                type instanceof String t ? t : "website", ctx.tenant().name(ctx.lang()), "en".equals(ctx.lang()) ? "en_US" : "vi_VN",
                absolute.apply("/opensearch.xml"));
    }

    /** Search engines show about 160 characters: cut at a word before that. */
    private static String shorten(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        if (t.length() <= 160) {
            return t;
        }
        int space = t.lastIndexOf(' ', 157);
        return t.substring(0, space > 80 ? space : 157) + "…";
    }
}
