package vn.cong.themes;

import org.junit.jupiter.api.Test;
import vn.cong.content.legal.LegalNotice;
import vn.cong.site.MenuItem;
import vn.cong.site.SiteView;
import vn.cong.site.UiText;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The header and footer kept per portal ({@link SharedFragments}), through {@link ThemeRenderer} as pages use it. */
class SharedFragmentsTest {

    private static final UiText TEXT = new UiText();
    private static final LegalNotice.Lines NO_LEGAL = new LegalNotice.Lines("", "", "", "", "");

    private final ThemeRenderer renderer = new ThemeRenderer();

    private static SiteView site(String code, String name, String lang, List<MenuItem> menu) {
        return new SiteView(code, name, lang, "/static/default/abc/", "en".equals(lang) ? "/en" : "/", null, menu,
                null, null, "", false, null, NO_LEGAL);
    }

    private static MenuItem item(String title, String slug) {
        return new MenuItem(title, "/chuyen-muc/" + slug, false, List.of());
    }

    private String render(SiteView site, Map<String, String> theme) {
        Map<String, Object> model = new HashMap<>();
        model.put("site", site);
        model.put("t", TEXT.of(site.lang()));
        model.put("theme", theme);
        model.put("pageTitle", "Không tìm thấy trang");
        model.put("status", 404);
        model.put("heading", "Không tìm thấy trang");
        model.put("message", "Trang bạn tìm không tồn tại.");
        return new String(renderer.render("default", "error", model, Locale.forLanguageTag(site.lang())), StandardCharsets.UTF_8);
    }

    @Test
    void headerAndFooterAreKeptAndTheNextPageIsTheSameBytes() {
        SiteView site = site("alpha", "Cổng Alpha", "vi", List.of(item("Tin tức", "tin-tuc")));
        String first = render(site, Map.of());
        assertEquals(2, renderer.sharedFragments(), "header and footer kept");
        String again = render(site(site.code(), site.name(), site.lang(), List.of(item("Tin tức", "tin-tuc"))), Map.of());
        assertEquals(first, again);
        assertEquals(2, renderer.sharedFragments(), "the same values find the kept fragments");
        assertTrue(first.contains("<a href=\"/chuyen-muc/tin-tuc\">Tin tức</a>"), first);
        assertTrue(first.contains("<p class=\"footer-name\">Cổng Alpha</p>"), first);
        assertFalse(first.contains("cong:shared"), "the attribute is never sent");
    }

    @Test
    void aNewMenuItemOrNameShowsAtOnce() {
        render(site("alpha", "Cổng Alpha", "vi", List.of(item("Tin tức", "tin-tuc"))), Map.of());
        String published = render(site("alpha", "Cổng Alpha", "vi", List.of(item("Tin tức", "tin-tuc"), item("Văn bản mới", "van-ban-moi"))), Map.of());
        assertTrue(published.contains("<a href=\"/chuyen-muc/van-ban-moi\">Văn bản mới</a>"), published);
        String renamed = render(site("alpha", "Cổng Alpha mới", "vi", List.of(item("Tin tức", "tin-tuc"))), Map.of());
        assertTrue(renamed.contains("<span class=\"brand-name\">Cổng Alpha mới</span>"), renamed);
        assertTrue(renamed.contains("<p class=\"footer-name\">Cổng Alpha mới</p>"), renamed);
        assertFalse(renamed.contains("Văn bản mới"), renamed);
    }

    @Test
    void aThemeChangeShowsAtOnce() {
        SiteView site = site("alpha", "Cổng Alpha", "vi", List.of());
        String before = render(site, Map.of("headerText", "Bộ Khoa học và Công nghệ"));
        String after = render(site, Map.of("headerText", "Ủy ban nhân dân tỉnh", "menuLayout", "vertical"));
        assertTrue(before.contains("<span class=\"brand-kicker\">Bộ Khoa học và Công nghệ</span>"), before);
        assertTrue(after.contains("<span class=\"brand-kicker\">Ủy ban nhân dân tỉnh</span>"), after);
        assertTrue(after.contains("main-nav menu-vertical"), after);
    }

    @Test
    void onePortalsFragmentsNeverShowOnAnothersPage() {
        render(site("alpha", "Cổng Alpha", "vi", List.of(item("Tin Alpha", "tin-tuc"))), Map.of());
        String beta = render(site("beta", "Cổng Beta", "vi", List.of(item("Tin Beta", "tin-tuc"))), Map.of());
        assertFalse(beta.contains("Alpha"), beta);
        assertTrue(beta.contains("Tin Beta") && beta.contains("Cổng Beta"), beta);
        // the same name and menu on two portals: still each its own (the code is part of the site)
        String gamma = render(site("gamma", "Cổng Beta", "vi", List.of(item("Tin Beta", "tin-tuc"))), Map.of());
        assertEquals(beta, gamma);
        assertEquals(6, renderer.sharedFragments());
    }

    @Test
    void englishAndVietnameseAreKeptApart() {
        String vi = render(site("alpha", "Cổng Alpha", "vi", List.of()), Map.of());
        String en = render(site("alpha", "Alpha Portal", "en", List.of()), Map.of());
        assertTrue(vi.contains(">Trang chủ</a>") && !vi.contains(">Home</a>"), vi);
        assertTrue(en.contains(">Home</a>") && !en.contains(">Trang chủ</a>"), en);
    }

    @Test
    void keptHtmlIsSentAsItIsNeverReadAsATemplate() {
        SiteView site = site("alpha", "[[${1 + 1}]] <b>", "vi", List.of(item("[(${#locale})]", "tin-tuc")));
        String first = render(site, Map.of());
        String kept = render(site, Map.of());
        assertEquals(first, kept);
        assertTrue(kept.contains("<span class=\"brand-name\">[[${1 + 1}]] &lt;b&gt;</span>"), kept);
        assertTrue(kept.contains(">[(${#locale})]</a>"), kept);
    }
}
