package vn.cong.content.about;

import vn.cong.system.StoredCode;
import java.util.Arrays;
import java.util.Optional;

/**
 * The text pages every portal keeps about its agency [000 Đ4.1]: introduction, functions and tasks,
 * history, contacts. {@code path} is the page's stable address under {@code /gioi-thieu}.
 */
public enum StandingRole implements StoredCode {
    INTRODUCTION("introduction", "", "Giới thiệu chung", "About us"),
    FUNCTIONS("functions", "chuc-nang-nhiem-vu", "Chức năng, nhiệm vụ", "Functions and tasks"),
    HISTORY("history", "lich-su", "Quá trình phát triển", "History"),
    CONTACTS("contacts", "lien-he", "Liên hệ", "Contact");

    private final String db;
    private final String path;
    private final String vi;
    private final String en;

    StandingRole(String db, String path, String vi, String en) {
        this.db = db;
        this.path = path;
        this.vi = vi;
        this.en = en;
    }

    public String db() {
        return db;
    }

    public String path() {
        return path;
    }

    public String label(String lang) {
        return "en".equals(lang) ? en : vi;
    }

    /** The slug of the page's item: fixed, so that it never takes an article's address by accident. */
    public String slug() {
        return "trang-" + (path.isEmpty() ? "gioi-thieu" : path);
    }

    public static Optional<StandingRole> ofDb(String db) {
        return StoredCode.parse(StandingRole.class, db);
    }

    public static Optional<StandingRole> ofPath(String path) {
        return Arrays.stream(values()).filter(r -> r.path.equals(path)).findFirst();
    }
}
