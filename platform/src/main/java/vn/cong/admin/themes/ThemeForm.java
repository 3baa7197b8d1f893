package vn.cong.admin.themes;

import vn.cong.site.MenuTargets;
import vn.cong.site.SectionNode;
import vn.cong.themes.MenuEntry;
import vn.cong.themes.Theme;
import vn.cong.themes.ThemeSelection;
import vn.cong.themes.ThemeVariable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The theme version form as posted. Field names: {@code theme}, {@code lockVersion}, {@code v-<variable>}
 * for a variable's value; for a {@code blocks} variable {@code v-<variable>-<option>-shown} and
 * {@code -position}; for a {@code color} variable also {@code v-<variable>-picker} and {@code -was} (see
 * {@link ColourEntry}); for the menu {@code menu-<section id>-shown} and {@code -position}, likewise {@code menu-r-<registry>-…}, and
 * for outside links {@code menu-x-<n>-url}, {@code -labelVi}, {@code -labelEn}, {@code -shown}, {@code -position}. What was typed is
 * kept as typed, so a refused form comes back unchanged.
 */
record ThemeForm(Map<String, String> fields) {

    String theme() {
        return fields.getOrDefault("theme", "").strip();
    }

    int lockVersion() {
        try {
            return Integer.parseInt(fields.getOrDefault("lockVersion", "0").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The selection the form describes, for {@code theme} (the theme picked on the form) and the tenant's top-level sections. */
    ThemeSelection selection(Theme theme, List<SectionNode> roots, List<MenuTargets.Target> registries) {
        Map<String, String> values = new LinkedHashMap<>();
        theme.variables().forEach((name, variable) -> {
            if (variable.type() == ThemeVariable.Type.BLOCKS) {
                values.put(name, String.join(",", ordered(variable.options(), o -> "v-" + name + "-" + o)));
            } else if (variable.type() == ThemeVariable.Type.IMAGE && fields.containsKey("v-" + name + "-clear")) {
                values.put(name, "");
            } else if (variable.type() == ThemeVariable.Type.COLOR && fields.containsKey("v-" + name)) {
                values.put(name, ColourEntry.chosen(fields.get("v-" + name), fields.get("v-" + name + "-was"), fields.get("v-" + name + "-picker")));
            } else if (fields.containsKey("v-" + name)) {
                values.put(name, fields.get("v-" + name));
            }
        });
        // the menu: sections, registries and outside links, shown ones by the positions typed, then the hidden ones
        Map<String, MenuEntry> candidates = new LinkedHashMap<>();
        roots.forEach(r -> candidates.put("menu-" + r.id(), new MenuEntry(r.id(), true)));
        registries.forEach(t -> candidates.put("menu-r-" + t.key(), MenuEntry.registry(t.key(), true)));
        for (int n = 1; fields.containsKey("menu-x-" + n + "-url"); n++) {
            String url = fields.getOrDefault("menu-x-" + n + "-url", "").strip();
            String vi = fields.getOrDefault("menu-x-" + n + "-labelVi", "").strip();
            if (!url.isEmpty() || !vi.isEmpty()) {
                candidates.put("menu-x-" + n, MenuEntry.link(url, vi, fields.getOrDefault("menu-x-" + n + "-labelEn", "").strip(), true));
            }
        }
        List<String> keys = List.copyOf(candidates.keySet());
        List<String> shown = ordered(keys, key -> key);
        List<MenuEntry> menu = new ArrayList<>();
        shown.forEach(key -> menu.add(candidates.get(key)));
        keys.stream().filter(key -> !shown.contains(key)).map(candidates::get)
                .filter(e -> !e.isRegistry())           // a registry not shown is simply not in the menu
                .forEach(e -> menu.add(new MenuEntry(e.sectionId(), e.registry(), e.url(), e.labelVi(), e.labelEn(), false)));
        return new ThemeSelection(theme.name(), values, menu);
    }

    /** The options ticked as shown, by the position typed beside each (blank or bad: after the others, in their own order). */
    private List<String> ordered(List<String> options, java.util.function.Function<String, String> prefix) {
        List<String> picked = new ArrayList<>(options.stream().filter(o -> fields.containsKey(prefix.apply(o) + "-shown")).toList());
        picked.sort(Comparator.comparingInt(o -> position(fields.get(prefix.apply(o) + "-position"), options.indexOf(o))));
        return picked;
    }

    private static int position(String typed, int fallback) {
        try {
            return typed == null || typed.isBlank() ? 1000 + fallback : Integer.parseInt(typed.strip()) * 100 + fallback;
        } catch (NumberFormatException e) {
            return 1000 + fallback;
        }
    }
}
