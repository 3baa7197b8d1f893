package vn.cong.console;

import java.util.Map;

/** Vietnamese names of the states the console shows (lifecycle, schema, runs). */
final class StatusLabels {

    static final Map<String, String> ALL = Map.ofEntries(
            Map.entry("requested", "Đã đề nghị"), Map.entry("active", "Đang hoạt động"), Map.entry("suspended", "Tạm ngừng"),
            Map.entry("merged", "Đã sáp nhập"), Map.entry("archived", "Đã lưu trữ"),
            Map.entry("ok", "Đã cập nhật"), Map.entry("pending", "Đang chờ cập nhật"), Map.entry("failed", "Thất bại"),
            Map.entry("missing", "Mất lược đồ — cần khôi phục"), Map.entry("upgrading", "Đang nâng cấp lên phiên bản mới"),
            Map.entry("running", "Đang chạy"), Map.entry("succeeded", "Thành công"), Map.entry("passed", "Đạt"),
            Map.entry("clean", "Không có vấn đề"), Map.entry("findings", "Có vấn đề"),
            Map.entry("up", "Hoạt động"), Map.entry("down", "Gián đoạn"), Map.entry("unknown", "Chưa có dữ liệu"),
            Map.entry("refused", "Bị từ chối"),
            Map.entry("manual", "thủ công"), Map.entry("scheduled", "theo lịch"), Map.entry("pre-restore", "an toàn, trước khi khôi phục"),
            Map.entry("operator", "người vận hành"), Map.entry("command", "dòng lệnh"));

    private StatusLabels() {
    }

    static String of(String state) {
        return ALL.getOrDefault(state, state);
    }
}
