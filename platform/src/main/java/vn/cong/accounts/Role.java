package vn.cong.accounts;

import java.util.Locale;

/** What a person may do in one tenant. */
public enum Role {
    CONTRIBUTOR("Cộng tác viên"),
    EDITOR("Biên tập viên"),
    APPROVER("Người duyệt"),
    DEPUTY_HEAD("Phó trưởng ban"),
    HEAD("Trưởng ban biên tập"),     // tổng biên tập
    TENANT_ADMIN("Quản trị cổng");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String db) {
        return valueOf(db.toUpperCase(Locale.ROOT));
    }
}
