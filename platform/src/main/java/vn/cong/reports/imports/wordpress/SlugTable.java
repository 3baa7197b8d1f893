package vn.cong.reports.imports.wordpress;

import vn.cong.content.Slugs;
import vn.cong.content.about.StandingRole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which WordPress page becomes which about page (trang giới thiệu), by the page's slug: a written table, never a
 * guess from the text. The default table knows the usual Vietnamese and English slugs; the operator's file
 * ({@code --slug-map}, or the console's field) adds or overrides lines of the form {@code slug = role}, where role is
 * introduction, functions, history or contacts ({@code #} starts a comment). A page the table does not name is
 * listed as skipped.
 */
final class SlugTable {

    static final Map<String, StandingRole> DEFAULTS = defaults();

    private final Map<String, StandingRole> table;

    private SlugTable(Map<String, StandingRole> table) {
        this.table = table;
    }

    static SlugTable defaults(Map<String, StandingRole> more) {
        Map<String, StandingRole> all = new LinkedHashMap<>(DEFAULTS);
        all.putAll(more);
        return new SlugTable(all);
    }

    Optional<StandingRole> role(String pageSlug) {
        return Optional.ofNullable(table.get(Slugs.fromTitle(pageSlug)));
    }

    /** A line of the operator's table that cannot be read. */
    record Problem(int line, String message) {
    }

    /** Reads the operator's table; every unreadable line is a problem (and the import is not run). */
    static Map<String, StandingRole> parse(String text, List<Problem> problems) {
        Map<String, StandingRole> map = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*$", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            String slug = eq < 0 ? "" : Slugs.fromTitle(WxrReader.decode(line.substring(0, eq).strip()));
            Optional<StandingRole> role = eq < 0 ? Optional.empty() : StandingRole.ofDb(line.substring(eq + 1).strip().toLowerCase(java.util.Locale.ROOT));
            if (slug.isEmpty() || role.isEmpty()) {
                problems.add(new Problem(i + 1, "Bảng địa chỉ trang, dòng " + (i + 1) + ": ghi theo dạng «gioi-thieu-chung = introduction»"
                        + " (introduction, functions, history hoặc contacts)."));
            } else {
                map.put(slug, role.get());
            }
        }
        return map;
    }

    private static Map<String, StandingRole> defaults() {
        Map<String, StandingRole> m = new LinkedHashMap<>();
        for (String s : List.of("gioi-thieu", "gioi-thieu-chung", "about", "about-us", "ve-chung-toi")) {
            m.put(s, StandingRole.INTRODUCTION);
        }
        for (String s : List.of("chuc-nang-nhiem-vu", "chuc-nang-nhiem-vu-quyen-han", "chuc-nang-va-nhiem-vu", "functions")) {
            m.put(s, StandingRole.FUNCTIONS);
        }
        for (String s : List.of("lich-su", "lich-su-phat-trien", "qua-trinh-phat-trien", "lich-su-hinh-thanh", "history")) {
            m.put(s, StandingRole.HISTORY);
        }
        for (String s : List.of("lien-he", "thong-tin-lien-he", "contact", "contact-us")) {
            m.put(s, StandingRole.CONTACTS);
        }
        return Map.copyOf(m);
    }

    List<String> describe() {
        List<String> out = new ArrayList<>();
        table.forEach((slug, role) -> out.add(slug + " = " + role.db()));
        return out;
    }
}
