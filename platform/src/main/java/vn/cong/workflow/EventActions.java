package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;

/** How the history names each recorded action (display wording lives here, not in the events). */
public final class EventActions {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("submit", "Gửi tin bài"),
            Map.entry("resubmit", "Gửi lại sau khi sửa"),
            Map.entry("take", "Nhận biên tập"),
            Map.entry("send", "Trình duyệt"),
            Map.entry("approve", "Duyệt"),
            Map.entry("return", "Trả lại để sửa"),
            Map.entry("reject", "Từ chối đăng"),
            Map.entry("request_opinion", "Đề nghị xin ý kiến lãnh đạo"),
            Map.entry("record_opinion", "Ghi nhận ý kiến lãnh đạo"),
            Map.entry("request_review", "Đề nghị thẩm định chuyên môn"),
            Map.entry("record_review", "Ghi nhận kết quả thẩm định"),
            Map.entry("publish", "Đăng lên cổng"),
            Map.entry("schedule", "Hẹn giờ đăng"),
            Map.entry("publish_scheduled", "Đăng theo giờ đã hẹn"),
            Map.entry("take_down", "Gỡ bỏ"),
            Map.entry("take_down_legal", "Gỡ bỏ theo căn cứ pháp lý"),
            Map.entry("archive", "Đưa vào lưu trữ"),
            Map.entry("correct", "Đính chính"));

    private EventActions() {
    }

    /** The label of an action; events written before the workflow (saves, seeding) read as "Lưu / cập nhật". */
    public static String label(@Nullable String action) {
        return action == null ? "Lưu / cập nhật" : LABELS.getOrDefault(action, action);
    }
}
