package vn.cong.admin.themes;

import vn.cong.site.MenuTargets;
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
            "members", "Cổng thành viên (chỉ trên cổng bộ)",
            "member-news", "Tin từ các đơn vị (chỉ trên cổng bộ; bật và chọn số tin ở «Liên thông Bộ»)");

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

    /**
     * A line of the menu editor: a top-level section ({@code menu-<id>}), a registry ({@code menu-r-<key>}) or an
     * outside link ({@code menu-x-<n>}, with its address and labels; blank rows let the admin add one).
     */
    record MenuRow(String field, String name, boolean shown, int position, String type, String url, String labelVi, String labelEn) {

        static MenuRow section(long id, String name, boolean shown, int position) {
            return new MenuRow("menu-" + id, name, shown, position, "section", "", "", "");
        }
    }

    /** Blank outside-link rows offered after those the version has. */
    static final int BLANK_LINKS = 2;

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

    /**
     * The menu editor's rows in the order {@code selection} gives: its entries first (sections, registries,
     * links), then sections and registries it does not name (sections shown, registries not), then blank links.
     */
    static List<MenuRow> menu(List<SectionNode> roots, List<MenuTargets.Target> registries, ThemeSelection selection) {
        List<MenuRow> rows = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        int position = 1;
        int links = 0;
        for (MenuEntry e : selection.menu()) {
            if (e.isSection()) {
                for (SectionNode r : roots) {
                    if (r.id() == e.sectionId() && placed.add("menu-" + r.id())) {
                        rows.add(MenuRow.section(r.id(), r.nameVi(), e.shown(), e.shown() ? position++ : 0));
                    }
                }
            } else if (e.isRegistry()) {
                for (MenuTargets.Target t : registries) {
                    if (t.key().equals(e.registry()) && placed.add("menu-r-" + t.key())) {
                        rows.add(new MenuRow("menu-r-" + t.key(), t.staffLabel() + " (" + t.path() + ")", e.shown(), e.shown() ? position++ : 0,
                                "registry", "", "", ""));
                    }
                }
            } else if (e.isLink()) {
                links++;
                rows.add(new MenuRow("menu-x-" + links, e.label("vi"), e.shown(), e.shown() ? position++ : 0, "link", e.url(),
                        e.labelVi() == null ? "" : e.labelVi(), e.labelEn() == null ? "" : e.labelEn()));
            }
        }
        for (SectionNode r : roots) {
            if (placed.add("menu-" + r.id())) {
                rows.add(MenuRow.section(r.id(), r.nameVi(), true, position++));
            }
        }
        for (MenuTargets.Target t : registries) {
            if (placed.add("menu-r-" + t.key())) {
                rows.add(new MenuRow("menu-r-" + t.key(), t.staffLabel() + " (" + t.path() + ")", false, 0, "registry", "", "", ""));
            }
        }
        for (int i = 0; i < BLANK_LINKS; i++) {
            links++;
            rows.add(new MenuRow("menu-x-" + links, "", false, 0, "link", "", "", ""));
        }
        return rows;
    }

}
