package vn.cong.admin.themes;

import vn.cong.site.SectionNode;
import vn.cong.themes.MenuEntry;
import vn.cong.themes.Theme;
import vn.cong.themes.ThemeSelection;
import vn.cong.themes.ThemeVariable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the theme version form shows: one row per variable and per menu entry, in Vietnamese. */
final class ThemeScreen {

    private static final Map<String, String> OPTION_LABELS = Map.of(
            "horizontal", "Ngang",
            "vertical", "Dọc (chuyên mục con mở sẵn)",
            "mega", "Trình đơn lớn (mega)",
            "featured", "Tin nổi bật",
            "sections", "Khối các chuyên mục",
            "members", "Cổng thành viên (chỉ trên cổng bộ)");

    private ThemeScreen() {
    }

    record Option(String value, String label, boolean selected, int position) {
    }

    record VariableRow(String name, String field, String label, String type, String value, String error, List<Option> options) {

        /** What the colour picker beside a colour's text shows. */
        public String picker() {
            return ColourEntry.pickerValue(value);
        }
    }

    record MenuRow(long id, String field, String name, boolean shown, int position) {
    }

    /** Rows for {@code values} (what is saved, or what was typed) of {@code theme}, with errors by variable. */
    static List<VariableRow> variables(Theme theme, Map<String, String> values, Map<String, String> errors) {
        List<VariableRow> rows = new ArrayList<>();
        theme.variables().forEach((name, variable) -> {
            String value = values.getOrDefault(name, variable.defaultValue());
            List<Option> options = new ArrayList<>();
            if (variable.type() == ThemeVariable.Type.BLOCKS) {
                List<String> chosen = value.isEmpty() ? List.of() : List.of(value.split(","));
                for (String o : variable.options()) {
                    int at = chosen.indexOf(o);
                    options.add(new Option(o, OPTION_LABELS.getOrDefault(o, o), at >= 0, at >= 0 ? at + 1 : 0));
                }
            } else {
                for (String o : variable.options()) {
                    options.add(new Option(o, OPTION_LABELS.getOrDefault(o, o), o.equals(value), 0));
                }
            }
            rows.add(new VariableRow(name, "v-" + name, variable.label("vi"), variable.type().name().toLowerCase(java.util.Locale.ROOT),
                    value, errors.getOrDefault(name, ""), options));
        });
        return rows;
    }

    /** The tenant's top-level sections in the order {@code selection} gives, each with its shown flag. */
    static List<MenuRow> menu(List<SectionNode> roots, ThemeSelection selection) {
        List<MenuRow> rows = new ArrayList<>();
        List<Long> placed = new ArrayList<>();
        int position = 1;
        for (MenuEntry e : selection.menu()) {
            for (SectionNode r : roots) {
                if (r.id() == e.sectionId() && !placed.contains(r.id())) {
                    placed.add(r.id());
                    rows.add(new MenuRow(r.id(), "menu-" + r.id(), r.nameVi(), e.shown(), e.shown() ? position++ : 0));
                }
            }
        }
        for (SectionNode r : roots) {
            if (!placed.contains(r.id())) {
                rows.add(new MenuRow(r.id(), "menu-" + r.id(), r.nameVi(), true, position++));
            }
        }
        return rows;
    }
}
