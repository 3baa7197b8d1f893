package vn.cong.engagement;

import vn.cong.system.StoredCode;

/** Where a petition stands; the labels are what the sender reads on the status page. */
public enum PetitionStatus implements StoredCode {
    UNCONFIRMED("Chờ xác nhận địa chỉ thư điện tử", "Waiting for the e-mail address to be confirmed"),
    RECEIVED("Đã tiếp nhận", "Received"),
    FORWARDED("Đã chuyển đơn vị xử lý", "Forwarded to the responsible unit"),
    ANSWERED("Đơn vị đã trả lời, chờ gửi kết quả", "Answered, the result is being sent"),
    APPROVING("Câu trả lời đang chờ duyệt để công khai", "The answer is being approved for publication"),
    PUBLISHED("Đã trả lời và công khai", "Answered and published"),
    CLOSED("Đã trả lời", "Answered"),
    WITHDRAWN("Đã rút", "Withdrawn");

    private final String vi;
    private final String en;

    PetitionStatus(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String label(String lang) {
        return "en".equals(lang) ? en : vi;
    }

    /** Whether the desk or a unit still has work on it. */
    public boolean open() {
        return this == RECEIVED || this == FORWARDED || this == ANSWERED || this == APPROVING;
    }

    public static PetitionStatus of(String db) {
        return StoredCode.of(PetitionStatus.class, db);
    }
}
