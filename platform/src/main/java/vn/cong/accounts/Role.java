package vn.cong.accounts;

import vn.cong.system.StoredCode;
import java.util.Optional;

/**
 * What a person may do in one tenant. {@link Names} holds the same names as constants for
 * {@code @Secured}, e.g. {@code @Secured(Role.Names.TENANT_ADMIN)}.
 */
public enum Role implements StoredCode {
    CONTRIBUTOR("Cộng tác viên"),
    EDITOR("Biên tập viên"),
    APPROVER("Người duyệt"),
    DEPUTY_HEAD("Phó trưởng ban"),
    HEAD("Trưởng ban biên tập"),     // tổng biên tập
    TENANT_ADMIN("Quản trị cổng"),
    /** The desk that receives questions and petitions (the board's secretary in seed 003): sees askers' personal data. */
    QA_DESK("Tiếp nhận hỏi – đáp");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Role of(String db) {
        return StoredCode.of(Role.class, db);
    }

    /** The role named {@code db}, or empty for anything else (form input). */
    public static Optional<Role> parse(String db) {
        return StoredCode.parse(Role.class, db);
    }

    /** Role names as compile-time constants, for {@code @Secured}. They equal {@link #db()}. */
    public static final class Names {
        public static final String CONTRIBUTOR = "contributor";
        public static final String EDITOR = "editor";
        public static final String APPROVER = "approver";
        public static final String DEPUTY_HEAD = "deputy_head";
        public static final String HEAD = "head";
        public static final String TENANT_ADMIN = "tenant_admin";
        public static final String QA_DESK = "qa_desk";

        private Names() {
        }
    }
}
