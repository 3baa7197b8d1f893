package vn.cong.workflow;

import vn.cong.system.StoredCode;
import java.util.Optional;

/**
 * Where an item stands in the editorial workflow; stored in {@code content_items.state}. A correction
 * (đính chính) keeps an item {@link #PUBLISHED}: the correction is an event and a dated note, so
 * every public query and the integrity check treat a corrected item like any published one.
 */
public enum ItemState implements StoredCode {
    DRAFT("Bản nháp"),
    SUBMITTED("Đã gửi, chờ tiếp nhận"),
    EDITING("Đang biên tập"),
    AWAITING_APPROVAL("Chờ duyệt"),
    RETURNED("Trả lại để sửa"),
    APPROVED("Đã duyệt, chờ đăng"),
    SCHEDULED("Hẹn giờ đăng"),
    PUBLISHED("Đã đăng"),
    REJECTED("Từ chối đăng"),
    TAKEN_DOWN("Đã gỡ bỏ"),
    /** off the public site after its retention period, kept for the staff (lưu trữ) [001 Đ13] */
    ARCHIVED("Đã lưu trữ");

    private final String label;

    ItemState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ItemState> parse(String db) {
        return StoredCode.parse(ItemState.class, db);
    }

    /** The Vietnamese label of a stored state (a state this code does not know is shown as stored). */
    public static String labelOf(String db) {
        return parse(db).map(ItemState::label).orElse(db);
    }
}
