package vn.cong.site;

import org.junit.jupiter.api.Test;
import vn.cong.themes.MenuEntry;
import vn.cong.themes.ThemeSelection;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SiteStructureMenuTest {

    private static final List<SiteStructure.SectionRow> ROWS = List.of(
            new SiteStructure.SectionRow(1, null, "tin-tuc", "Tin tức", "News", "", true),
            new SiteStructure.SectionRow(2, null, "gioi-thieu", "Giới thiệu", "About", "", true),
            new SiteStructure.SectionRow(3, null, "thong-bao", "Thông báo", "Notices", "", true),
            new SiteStructure.SectionRow(4, 1L, "tin-dia-phuong", "Tin địa phương", "Local", "", true),
            new SiteStructure.SectionRow(5, null, "an", "Ẩn", "Hidden", "", false));

    private static List<String> menu(SiteStructure structure) {
        return structure.menuRoots().stream().map(SectionNode::slug).toList();
    }

    @Test
    void withoutALiveThemeVersionTheMenuIsTheSectionsOwnOrder() {
        assertEquals(List.of("tin-tuc", "gioi-thieu", "thong-bao"), menu(SiteStructure.of(ROWS, Map.of(), List.of(), List.of())));
    }

    @Test
    void liveVersionOrdersAndHidesTopLevelSectionsAndNewSectionsFollow() {
        ThemeSelection live = new ThemeSelection("classic", Map.of("primaryColor", "#1d3a6e"),
                List.of(new MenuEntry(3, true), new MenuEntry(1, false), new MenuEntry(4, true), new MenuEntry(5, true), new MenuEntry(99, true)));
        SiteStructure structure = SiteStructure.of(ROWS, Map.of("primaryColor", "#000000"), List.of(), List.of(), live);
        // 4 is not top-level, 5 is hidden by the editors, 99 no longer exists; 2 is newer than the version
        assertEquals(List.of("thong-bao", "gioi-thieu"), menu(structure));
        assertEquals("classic", structure.themeName(null));
        assertEquals("#1d3a6e", structure.themeSettings().get("primaryColor"), "the live version's values win");
    }

    @Test
    void previewShowsADraftsArrangementWithoutTouchingTheLiveStructure() {
        SiteStructure live = SiteStructure.of(ROWS, Map.of(), List.of(), List.of());
        SiteStructure preview = live.withTheme(new ThemeSelection("modern", Map.of(), List.of(new MenuEntry(2, true))));
        assertEquals(List.of("gioi-thieu", "tin-tuc", "thong-bao"), menu(preview));
        assertEquals(List.of("tin-tuc", "gioi-thieu", "thong-bao"), menu(live));
    }
}
