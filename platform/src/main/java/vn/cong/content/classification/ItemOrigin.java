package vn.cong.content.classification;

import vn.cong.system.StoredCode;

import java.util.Optional;

/** Where an item came from, as seed 004 counts it [004 §I.1]. */
public enum ItemOrigin implements StoredCode {
    /** Sent by a unit or an individual, inside or outside the ministry (đơn vị, cá nhân cung cấp). */
    SUPPLIED("Đơn vị, cá nhân cung cấp"),
    /** Found by the editorial board on other portals (Ban biên tập tự tìm kiếm, khai thác). */
    FOUND("Ban biên tập tự khai thác");

    private final String label;

    ItemOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ItemOrigin> parse(String db) {
        return StoredCode.parse(ItemOrigin.class, db);
    }
}
