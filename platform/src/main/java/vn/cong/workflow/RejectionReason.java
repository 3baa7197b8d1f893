package vn.cong.workflow;

import vn.cong.system.StoredCode;
import java.util.Optional;

/** Why an item is refused publication, from the seeds' lists [000 Đ11; 001 Đ12; 003 Đ16]. */
public enum RejectionReason implements StoredCode {
    OUTSIDE_SCOPE("Không thuộc phạm vi thông tin đăng tải trên cổng"),
    AGAINST_POLICY("Không phù hợp với chủ trương, đường lối, chính sách của Đảng, pháp luật của Nhà nước"),
    NOT_YET_PUBLIC("Thuộc bí mật nhà nước hoặc chưa được phép phổ biến công khai"),
    UNVERIFIED("Không rõ nguồn gốc hoặc không đúng sự thật"),
    DUPLICATE("Trùng lặp nội dung đã đăng tải"),
    QUALITY_NOT_FIXED("Không bảo đảm chất lượng, đã đề nghị bổ sung, làm rõ nhưng không được đáp ứng"),
    LATE("Gửi không đúng thời hạn quy định"),
    NEEDS_APPRAISAL("Thông tin chuyên sâu, chuyên ngành cần được thẩm định"),
    OTHER_BY_LAW("Thông tin khác pháp luật không cho phép đăng tải");

    private final String label;

    RejectionReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<RejectionReason> parse(String db) {
        return StoredCode.parse(RejectionReason.class, db);
    }

    /**
     * The reasons a regulation lists ({@link ProfileValue#REJECTION_REASONS}): MOST's nine [000 Đ11], MOHA's six
     * [001 Đ12], Hải Phòng's five [003 Đ16]; {@code all} (a regulation without a list) every one.
     */
    public static java.util.List<RejectionReason> listedBy(String list) {
        return switch (list) {
            case "moha" -> java.util.List.of(OUTSIDE_SCOPE, AGAINST_POLICY, NOT_YET_PUBLIC, UNVERIFIED, DUPLICATE, QUALITY_NOT_FIXED, OTHER_BY_LAW);
            case "haiphong" -> java.util.List.of(AGAINST_POLICY, NOT_YET_PUBLIC, UNVERIFIED, QUALITY_NOT_FIXED, OTHER_BY_LAW);
            default -> java.util.List.of(values());
        };
    }

    public static String labelOf(String db) {
        return parse(db).map(RejectionReason::label).orElse(db);
    }
}
