package vn.cong.workflow;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an item stands in the editorial workflow; stored in {@code content_items.state}. A correction
 * (đính chính) keeps an item {@link #PUBLISHED}: the correction is an event and a dated note, so
 * every public query and the integrity check treat a corrected item like any published one.
 */
public enum ItemState {
    DRAFT("Bản nháp"),
    SUBMITTED("Đã gửi, chờ tiếp nhận"),
    EDITING("Đang biên tập"),
    AWAITING_APPROVAL("Chờ duyệt"),
    RETURNED("Trả lại để sửa"),
    APPROVED("Đã duyệt, chờ đăng"),
    SCHEDULED("Hẹn giờ đăng"),
    PUBLISHED("Đã đăng"),
    REJECTED("Từ chối đăng"),
    TAKEN_DOWN("Đã gỡ bỏ");

    private final String label;

    ItemState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ItemState> parse(String db) {
        for (ItemState s : values()) {
            if (s.db().equals(db)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The Vietnamese label of a stored state (a state this code does not know is shown as stored). */
    public static String labelOf(String db) {
        return parse(db).map(ItemState::label).orElse(db);
    }
}
