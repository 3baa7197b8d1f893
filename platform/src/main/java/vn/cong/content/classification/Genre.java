package vn.cong.content.classification;

import vn.cong.system.StoredCode;

import java.util.Optional;

/** An item's genre, as Hải Phòng's quota counts it [003 Đ14.3]. */
public enum Genre implements StoredCode {
    NEWS("Tin hoạt động"),
    ANALYSIS("Bài chuyên đề, phân tích chuyên sâu"),
    OTHER("Khác");

    private final String label;

    Genre(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Genre> parse(String db) {
        return StoredCode.parse(Genre.class, db);
    }
}
