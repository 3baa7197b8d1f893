package vn.cong.themes;

import java.util.List;
import java.util.Map;

/**
 * What a tenant's pages look like: the theme, the values of its variables and the arrangement of
 * the main menu (empty: the sections' own order, all shown). Carried by a theme version.
 */
public record ThemeSelection(String theme, Map<String, String> values, List<MenuEntry> menu) {

    public ThemeSelection {
        values = Map.copyOf(values);
        menu = List.copyOf(menu);
    }
}
