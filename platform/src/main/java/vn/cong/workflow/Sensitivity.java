package vn.cong.workflow;

import vn.cong.system.StoredCode;
import java.util.Optional;

/** How sensitive an item is; the tenant's policy says how many approval levels it needs [003 Đ12.2]. */
public enum Sensitivity implements StoredCode {
    ROUTINE("Thông thường"),
    SENSITIVE("Nhạy cảm, quan trọng"),
    ESPECIALLY_SENSITIVE("Đặc biệt nhạy cảm, đặc biệt quan trọng");

    private final String label;

    Sensitivity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Sensitivity> parse(String db) {
        return StoredCode.parse(Sensitivity.class, db);
    }
}
