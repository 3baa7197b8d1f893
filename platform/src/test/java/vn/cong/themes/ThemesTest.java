package vn.cong.themes;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThemesTest {

    private final Themes themes = new Themes();

    @Test
    void defaultThemeLoadsVariablesAndFingerprintedAssets() {
        Theme theme = themes.get("default");
        assertEquals("#8b1a1a", theme.variables().get("primaryColor").defaultValue());
        assertEquals(ThemeVariable.Type.COLOR, theme.variables().get("primaryColor").type());
        assertNotNull(theme.assets().get("css/site.css"));
        assertNotNull(theme.assets().get("css/site.css").gzip(), "stylesheets are stored compressed too");
        assertTrue(theme.assetBase().matches("/static/default/[0-9a-f]{12}/"), theme.assetBase());
    }

    @Test
    void everyShippedThemesLabelsAreWholeSentencesInVietnameseAndEnglish() {
        // a comma inside an unquoted YAML flow mapping ({vi: a, b, en: c}) silently cut labels in two
        for (Theme theme : themes.all()) {
            for (ThemeVariable variable : theme.variables().values()) {
                assertEquals(java.util.Set.of("vi", "en"), variable.label().keySet(), theme.name() + "." + variable.name());
            }
            assertEquals("Màu chủ đạo (dải đầu trang, liên kết)", theme.variables().get("primaryColor").label("vi"), theme.name());
            assertEquals("Accent colour (rules, highlights)", theme.variables().get("accentColor").label("en"), theme.name());
        }
    }

    @Test
    void unknownThemeFallsBackToTheDefault() {
        assertEquals("default", themes.get("khong-co").name());
        assertEquals("default", themes.get("../etc").name());
    }

    @Test
    void tenantValuesThatDoNotFitTheirTypeAreReplacedByDefaults() {
        Theme theme = themes.get("default");
        Map<String, String> values = theme.values(Map.of(
                "primaryColor", "#005a9c",
                "accentColor", "red; } body { display:none",
                "fontFamily", "Arial, \"evil\"",
                "footerContact", "Số 113 Trần Duy Hưng, Hà Nội",
                "unknown", "x"));
        assertEquals("#005a9c", values.get("primaryColor"));
        assertEquals("#f2c94c", values.get("accentColor"));
        assertEquals(theme.variables().get("fontFamily").defaultValue(), values.get("fontFamily"));
        assertEquals("Số 113 Trần Duy Hưng, Hà Nội", values.get("footerContact"));
        assertTrue(!values.containsKey("unknown"));
    }

    @Test
    void shippedThemesWithoutTheirOwnTemplatesRenderTheDefaultThemesPagesWithTheirOwnFiles() {
        ThemeRenderer renderer = new ThemeRenderer();
        for (String theme : new String[]{"classic", "modern", "provincial"}) {
            assertEquals("default/templates/home", renderer.templateName(theme, "home"));
            // a page the default theme gains later (another content kind) is borrowed the same way
            assertEquals("default/templates/document", renderer.templateName(theme, "document"));
        }
        assertTrue(themes.get("modern").assetBase().startsWith("/static/modern/"));
        assertTrue(new String(themes.get("modern").assets().get("css/theme.css").plain(), StandardCharsets.UTF_8).contains("Modern"));
    }

    @Test
    void themeWithoutAPageBorrowsTheDefaultThemesTemplate() {
        ThemeRenderer renderer = new ThemeRenderer();
        assertEquals("default/templates/home", renderer.templateName("khong-co", "home"));
        assertEquals("default/templates/article", renderer.templateName("default", "article"));
        byte[] html = renderer.render("default", "error", Map.of("status", 404, "heading", "Không tìm thấy trang",
                "message", "Trang bạn tìm không tồn tại."), Locale.forLanguageTag("vi"));
        String page = new String(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("<h1>Không tìm thấy trang</h1>"), page);
    }
}
