package vn.cong.engagement;

import vn.cong.system.StoredCode;

/** Where a comment on a draft stands. */
public enum CommentStatus implements StoredCode {
    UNCONFIRMED("Chờ xác nhận thư điện tử"),
    PENDING("Chờ kiểm duyệt"),
    APPROVED("Đã duyệt"),
    HIDDEN("Đã ẩn");

    private final String label;

    CommentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CommentStatus of(String db) {
        return StoredCode.of(CommentStatus.class, db);
    }
}
