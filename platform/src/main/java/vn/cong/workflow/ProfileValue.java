package vn.cong.workflow;

import vn.cong.workflow.deadline.DeadlineReadings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A value a regulation profile sets and the tenant admin may change: the approval policy, the deadline
 * rules, the readings of what the seeds leave ambiguous, retention, backups, rejection reasons, the citation
 * for reuse and the confirmations a document's submission needs. Each has a stored key and a closed list of options.
 */
public enum ProfileValue {
    APPROVAL("approval", "Quy trình duyệt tin", "Ai biên tập, các cấp duyệt theo mức độ nhạy cảm, ai đăng và gỡ tin.",
            options("most", "Ban biên tập (Bộ KH&CN)", "moha", "Tổng biên tập và các Phó Tổng biên tập (Bộ Nội vụ)",
                    "binhdinh", "Trưởng Ban biên tập hoặc người được ủy quyền (Sở KH&CN Bình Định)",
                    "haiphong", "Bốn cấp (Sở GD&ĐT Hải Phòng)")),
    DEADLINES("deadlines", "Bộ thời hạn", "Thời hạn gửi, biên tập và đăng tải theo loại thông tin.",
            options("most", "Bộ KH&CN (Điều 10.2)", "moha", "Bộ Nội vụ (12 giờ làm việc, Điều 10.2)",
                    "binh-dinh", "Sở KH&CN Bình Định (quy chế không quy định thời hạn)", "hai-phong", "Sở GD&ĐT Hải Phòng (Điều 13, 15)")),
    DAYS("days", "Cách hiểu «ngày»", "Khi quy chế ghi «trong N ngày» mà không nói rõ: ngày làm việc hay ngày lịch.",
            options("working", "Ngày làm việc (bỏ thứ Bảy, Chủ nhật, ngày lễ)", "calendar", "Ngày lịch, hết giờ hành chính ngày cuối")),
    HOURS("hours", "Cách hiểu «giờ»", "Khi quy chế ghi «trong N giờ» mà không nói rõ: giờ đồng hồ hay giờ làm việc.",
            options("clock", "Giờ đồng hồ (tính cả đêm, ngày nghỉ)", "working", "Giờ làm việc (08:00–12:00, 13:00–17:00)")),
    SAME_DAY_ENDS("same-day-ends", "«Trong ngày» kết thúc lúc", "Văn bản ban hành trước 12 giờ phải đăng «trong ngày»: hết giờ hành chính hay hết ngày.",
            options("office-close", "17:00 (hết giờ hành chính)", "midnight", "24:00 (hết ngày)")),
    NOON_STAMP("noon-stamp", "Văn bản đóng dấu đúng 12:00", "Dấu thời gian đúng 12 giờ được tính là trước hay sau 12 giờ.",
            options("before-noon", "Tính là trước 12 giờ (đăng trong ngày)", "after-noon", "Tính là sau 12 giờ (đăng trước 12 giờ hôm sau)")),
    // lưu giữ thông tin [001 Đ13.3]: what is online stays there at least this long (expired documents: their own period)
    RETENTION_YEARS("retention-years", "Thời hạn lưu giữ tin bài trên cổng",
            "Tin bài đã đăng được giữ trên cổng ít nhất chừng ấy năm: trong thời hạn không gỡ bỏ, lưu trữ hay xóa thông thường; "
                    + "văn bản hết hiệu lực theo thời hạn riêng (mục Văn bản).",
            options("5", "Tối thiểu 05 năm (Điều 13 Quy chế Bộ Nội vụ)", "10", "Tối thiểu 10 năm", "3", "Tối thiểu 03 năm",
                    "0", "Không quy định thời hạn tối thiểu")),
    // sao lưu dữ liệu [000 Đ7.2a; 001 Đ6.1b: twice a week; 003 Đ10.1: daily]
    BACKUP_FREQUENCY("backup-frequency", "Tần suất sao lưu dữ liệu", "Quy chế yêu cầu sao lưu cơ sở dữ liệu và mã nguồn tối thiểu bao nhiêu lần.",
            options("twice-weekly", "Tối thiểu 02 lần/tuần", "daily", "Tối thiểu 01 lần/ngày")),
    // thông tin bị từ chối đăng tải [000 Đ11; 001 Đ12; 003 Đ16]
    REJECTION_REASONS("rejection-reasons", "Các trường hợp từ chối đăng", "Danh sách lý do từ chối đăng mà người duyệt được chọn.",
            options("most", "Điều 11 Quy chế Bộ KH&CN (9 trường hợp)", "moha", "Điều 12 Quy chế Bộ Nội vụ (6 trường hợp)",
                    "haiphong", "Điều 16 Quy chế Sở GD&ĐT Hải Phòng (5 trường hợp)", "all", "Mọi trường hợp các quy chế nêu")),
    // trích dẫn khi sử dụng lại thông tin [001 Đ2.5; 002 Đ5.3]
    CITATION("citation", "Trích dẫn khi sử dụng lại thông tin", "Điều kiện và cách ghi nguồn khi nơi khác sử dụng lại thông tin của cổng.",
            options("moha", "Ghi «Nguồn: Cổng thông tin điện tử Bộ Nội vụ» hoặc «Theo: https://moha.gov.vn»",
                    "portal", "Ghi rõ nguồn: tên cổng và địa chỉ bài viết", "consent", "Phải được Ban biên tập đồng ý trước khi sử dụng lại")),
    // văn bản không mật, Nơi nhận có Cổng [000 Đ10.1đ, 11.1; 001 Đ9.5–9.6]
    DOCUMENT_CONFIRMATIONS("document-confirmations", "Xác nhận khi gửi văn bản",
            "Người gửi văn bản xác nhận văn bản không thuộc tài liệu mật và mục Nơi nhận có ghi Cổng thông tin điện tử.",
            options("required", "Bắt buộc xác nhận (không mật, Nơi nhận có Cổng)", "none", "Không yêu cầu")),
    /** Each unit's quota of items (vn.cong.reports.contribution.Quota reads the code). */
    QUOTA("quota", "Chỉ tiêu cung cấp tin, bài của đơn vị", "Số tin, bài mỗi đơn vị thuộc diện bắt buộc phải cung cấp; báo cáo đóng góp đánh giá đạt hay chưa đạt theo chỉ tiêu này.",
            options("most", "Trung bình ít nhất 02 tin, bài/tháng (Bộ KH&CN, Điều 9.1b)",
                    "haiphong", "Ít nhất 5 tin hoạt động và 3 bài chuyên đề phân tích/tháng (Sở GD&ĐT Hải Phòng, Điều 14.3)",
                    "none", "Không giao chỉ tiêu")),
    /** How often the contribution report is due (the report job reads the code). */
    REPORTS("reports", "Kỳ báo cáo tình hình cung cấp thông tin", "Ban biên tập lập báo cáo theo kỳ này.",
            options("half-year", "6 tháng và hằng năm (Bộ KH&CN, Điều 17)", "monthly", "Hằng tháng, quý và năm (Sở GD&ĐT Hải Phòng, Điều 17)",
                    "yearly", "Hằng năm (Bộ Nội vụ, Điều 19)"));

    private final String key;
    private final String label;
    private final String explanation;
    private final Map<String, String> options;

    ProfileValue(String key, String label, String explanation, Map<String, String> options) {
        this.key = key;
        this.label = label;
        this.explanation = explanation;
        this.options = options;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }

    /** Stored code → Vietnamese label, in display order. */
    public Map<String, String> options() {
        return options;
    }

    public String optionLabel(String code) {
        return options.getOrDefault(code, code);
    }

    public static java.util.Optional<ProfileValue> ofKey(String key) {
        return java.util.Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
    }

    /** A reading's stored code: its enum name in lower case with dashes ({@code OFFICE_CLOSE} → {@code office-close}). */
    static String code(Enum<?> reading) {
        return reading.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E reading(Class<E> type, String code) {
        return Enum.valueOf(type, code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The four readings from effective values. */
    static DeadlineReadings readings(Map<ProfileValue, String> values) {
        return new DeadlineReadings(reading(DeadlineReadings.Days.class, values.get(DAYS)),
                reading(DeadlineReadings.Hours.class, values.get(HOURS)),
                reading(DeadlineReadings.SameDayEnds.class, values.get(SAME_DAY_ENDS)),
                reading(DeadlineReadings.NoonStamp.class, values.get(NOON_STAMP)));
    }

    private static Map<String, String> options(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
