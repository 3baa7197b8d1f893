package vn.cong.admin.themes;

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
 * {@link ColourEntry}); for the menu {@code menu-<section id>-shown} and {@code -position}. What was typed is
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
    ThemeSelection selection(Theme theme, List<SectionNode> roots) {
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
        List<MenuEntry> menu = new ArrayList<>();
        List<String> ids = roots.stream().map(r -> String.valueOf(r.id())).toList();
        List<String> shown = ordered(ids, id -> "menu-" + id);
        shown.forEach(id -> menu.add(new MenuEntry(Long.parseLong(id), true)));
        ids.stream().filter(id -> !shown.contains(id)).forEach(id -> menu.add(new MenuEntry(Long.parseLong(id), false)));
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
