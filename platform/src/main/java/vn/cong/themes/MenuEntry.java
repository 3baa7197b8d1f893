package vn.cong.themes;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.util.Locale;

/**
 * An entry of the portal's main menu, as a theme version arranges it: a top-level section
 * ({@code sectionId}), the public list of a content kind or other registry ({@code registry}, e.g.
 * {@code document} → /van-ban), or an outside address ({@code url}, with its labels); shown or not.
 */
public record MenuEntry(@Nullable Long sectionId, @Nullable String registry, @Nullable String url,
                        @Nullable String labelVi, @Nullable String labelEn, boolean shown) {

    /** A top-level section's place. */
    public MenuEntry(long sectionId, boolean shown) {
        this(sectionId, null, null, null, null, shown);
    }

    public static MenuEntry registry(String registry, boolean shown) {
        return new MenuEntry(null, registry, null, null, null, shown);
    }

    public static MenuEntry link(String url, String labelVi, String labelEn, boolean shown) {
        return new MenuEntry(null, null, url, labelVi, labelEn, shown);
    }

    public boolean isSection() {
        return sectionId != null;
    }

    public boolean isRegistry() {
        return registry != null;
    }

    public boolean isLink() {
        return url != null;
    }

    /** The label of an outside link in {@code lang} (the Vietnamese one when there is no English). */
    public String label(String lang) {
        return "en".equals(lang) && labelEn != null && !labelEn.isBlank() ? labelEn : labelVi == null ? "" : labelVi;
    }

    /** Whether {@code text} may be a menu's outside address: absolute http or https with a host, no user info. */
    public static boolean acceptableUrl(@Nullable String text) {
        if (text == null || text.isBlank() || text.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
