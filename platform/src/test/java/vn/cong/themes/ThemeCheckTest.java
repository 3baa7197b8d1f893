package vn.cong.themes;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThemeCheckTest {

    private final Themes themes = new Themes();

    @Test
    void contrastRatiosMatchKnownWcagValues() {
        assertEquals(21.0, Contrast.ratio("#000000", "#ffffff"), 0.001);
        assertEquals(1.0, Contrast.ratio("#abcdef", "#abcdef"), 0.001);
        assertEquals(4.48, Contrast.ratio("#777777", "#ffffff"), 0.01);
        assertEquals(4.54, Contrast.ratio("#767676", "#ffffff"), 0.01);
        assertEquals(Contrast.ratio("#fff", "#000"), Contrast.ratio("#ffffff", "#000000"), 0.0001);
        assertEquals("4,4:1", Contrast.shown(4.48), "cut, not rounded up to the threshold");
        assertEquals("21:1", Contrast.shown(21.0));
        assertEquals("3,2:1", Contrast.shown(3.26));
    }

    @Test
    void everyThemesDefaultsPassTheirOwnContrastPairs() {
        for (Theme theme : themes.all()) {
            ThemeCheck.Result result = ThemeCheck.check(theme, Map.of());
            assertTrue(result.isValid(), theme.name() + ": " + result.errors());
            assertFalse(theme.contrast().isEmpty(), theme.name() + " declares its contrast pairs");
        }
    }

    @Test
    void lowContrastPairIsRefusedWithTheMeasuredRatio() {
        Map<String, String> values = new HashMap<>(Map.of("textColor", "#949494", "backgroundColor", "#ffffff"));
        ThemeCheck.Result result = ThemeCheck.check(themes.get("default"), values);
        assertFalse(result.isValid());
        assertTrue(result.errors().get("textColor").startsWith("Độ tương phản 3:1 thấp hơn 4,5:1"), result.errors().toString());
    }

    @Test
    void whiteHeaderTextOnAPalePrimaryColourIsRefused() {
        ThemeCheck.Result result = ThemeCheck.check(themes.get("classic"), Map.of("primaryColor", "#7fa7e0"));
        assertTrue(result.errors().get("primaryColor").contains("chữ trắng trên dải đầu trang"), result.errors().toString());
    }

    @Test
    void valuesOutsideTheirTypeOrOptionsAreRefused() {
        ThemeCheck.Result result = ThemeCheck.check(themes.get("default"), Map.of(
                "primaryColor", "red",
                "fontFamily", "Comic Sans MS, cursive",
                "menuLayout", "diagonal",
                "homeBlocks", "featured,featured",
                "logo", "https://example.com/logo.png"));
        assertEquals(Map.of("primaryColor", "Màu phải viết dạng #rrggbb (ví dụ #8b1a1a).",
                "fontFamily", "Hãy chọn một phông chữ trong danh sách.",
                "menuLayout", "Hãy chọn một giá trị trong danh sách.",
                "homeBlocks", "Hãy chọn các khối trong danh sách, mỗi khối một lần.",
                "logo", "Ảnh không hợp lệ: hãy tải ảnh lên lại."), result.errors());
    }

    @Test
    void acceptedValuesAreKeptAndColoursLowerCased() {
        ThemeCheck.Result result = ThemeCheck.check(themes.get("modern"), Map.of("primaryColor", " #0B6E4F ",
                "homeBlocks", "members,featured", "logo", "/media/2026/0f1e2d3c-aaaa-bbbb-cccc-123456789abc.png"));
        assertTrue(result.isValid(), result.errors().toString());
        assertEquals("#0b6e4f", result.values().get("primaryColor"));
        assertEquals("members,featured", result.values().get("homeBlocks"));
    }

    @Test
    void everyThemeDeclaresTheVariablesTheAdminScreenOffers() {
        for (Theme theme : themes.all()) {
            for (String name : new String[]{"primaryColor", "accentColor", "textColor", "backgroundColor", "fontFamily", "logo",
                    "bannerImage", "headerText", "footerContact", "menuLayout", "homeBlocks"}) {
                assertTrue(theme.variables().containsKey(name), theme.name() + " lacks " + name);
            }
            assertTrue(theme.assets().containsKey("css/theme.css"), theme.name());
            assertTrue(theme.assets().containsKey("img/emblem.svg"), theme.name() + " borrows the default theme's files it lacks");
        }
        assertEquals(4, themes.all().size());
        assertEquals("default", themes.all().get(0).name());
    }
}
