package vn.cong.engagement;

import vn.cong.system.StoredCode;

/** Where a question stands; the labels are what the asker reads on the status page. */
public enum QuestionStatus implements StoredCode {
    UNCONFIRMED("Chờ xác nhận địa chỉ thư điện tử", "Waiting for the e-mail address to be confirmed"),
    RECEIVED("Đã tiếp nhận", "Received"),
    FORWARDED("Đã chuyển đơn vị trả lời", "Forwarded to the responsible unit"),
    ANSWERED("Đã có trả lời, chờ đăng", "Answered, waiting to be published"),
    APPROVING("Câu trả lời đang chờ duyệt", "The answer is being approved"),
    PUBLISHED("Đã trả lời", "Answered"),
    RETURNED("Cần bổ sung thông tin", "More information needed"),
    MERGED("Đã gộp với câu hỏi trùng nội dung", "Merged with a question on the same matter"),
    WITHDRAWN("Đã rút", "Withdrawn");

    private final String vi;
    private final String en;

    QuestionStatus(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String label(String lang) {
        return "en".equals(lang) ? en : vi;
    }

    /** Whether the desk still has work on it. */
    public boolean open() {
        return this == RECEIVED || this == FORWARDED || this == ANSWERED || this == APPROVING;
    }

    public static QuestionStatus of(String db) {
        return StoredCode.of(QuestionStatus.class, db);
    }
}
