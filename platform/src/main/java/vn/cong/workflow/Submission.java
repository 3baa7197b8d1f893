package vn.cong.workflow;

import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a submitter sends with an item [001 Đ9.3; 003 Đ12.3c]: their unit, name, title, e-mail and
 * phone (filled from the account, editable); the item's sensitivity; the event time and whether the
 * event is highlighted in the communication plan; the source when material is quoted [000 Đ10.1c]; the
 * information type ({@link InformationType} code; none: the kind decides), whose rule counts from
 * {@code eventAt} (the end of the event, the stamp, the leadership's approval, the end of the period), and
 * a multi-day event's opening ({@code opensAt}); for a document, the sender's confirmations that it is not
 * secret and that its recipients (Nơi nhận) name the portal, where the profile requires them [000 Đ10.1đ].
 */
public record Submission(String unit, String name, String title, String email, String phone, @Nullable String sensitivity,
                         @Nullable OffsetDateTime eventAt, boolean highlighted, boolean quoted, @Nullable String source,
                         @Nullable String note, @Nullable String infoType, @Nullable OffsetDateTime opensAt,
                         boolean notSecret, boolean portalAmongRecipients) {

    /** A submission that leaves the information type to the item's kind. */
    public Submission(String unit, String name, String title, String email, String phone, @Nullable String sensitivity,
                      @Nullable OffsetDateTime eventAt, boolean highlighted, boolean quoted, @Nullable String source, @Nullable String note) {
        this(unit, name, title, email, phone, sensitivity, eventAt, highlighted, quoted, source, note, null, null, false, false);
    }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+() .-]{6,20}$");

    /** Field → Vietnamese message; empty when the submission is complete. */
    public Map<String, String> problems() {
        Map<String, String> p = new LinkedHashMap<>();
        if (blank(unit)) {
            p.put("unit", "Hãy ghi đơn vị gửi tin.");
        }
        if (blank(name)) {
            p.put("name", "Hãy ghi họ tên người gửi.");
        }
        if (blank(email)) {
            p.put("email", "Hãy ghi địa chỉ thư điện tử để ban biên tập liên hệ.");
        } else if (!EMAIL.matcher(email.strip()).matches()) {
            p.put("email", "Địa chỉ thư điện tử không hợp lệ, ví dụ: ten@donvi.gov.vn.");
        }
        if (blank(phone)) {
            p.put("phone", "Hãy ghi số điện thoại liên hệ.");
        } else if (!PHONE.matcher(phone.strip()).matches()) {
            p.put("phone", "Số điện thoại chỉ gồm chữ số và các dấu + ( ) . -, ví dụ: 024 3943 9999.");
        }
        if (sensitivity == null || Sensitivity.parse(sensitivity).isEmpty()) {
            p.put("sensitivity", "Hãy chọn mức độ nhạy cảm của tin bài.");
        }
        if (!blank(infoType) && InformationType.of(infoType).isEmpty()) {
            p.put("infoType", "Hãy chọn loại thông tin trong danh sách.");
        }
        if (opensAt != null && (!InformationType.EVENT.code().equals(infoType) || eventAt == null || !opensAt.isBefore(eventAt))) {
            p.put("opensAt", "Thời điểm khai mạc chỉ dùng cho tin sự kiện nhiều ngày và phải trước thời điểm bế mạc.");
        }
        if (quoted && blank(source)) {
            p.put("source", "Tin bài có trích dẫn tài liệu của nơi khác phải ghi rõ nguồn.");
        }
        return p;
    }

    /** The refusal of a document sent without the confirmations the profile requires (empty: none missing). */
    Map<String, String> missingConfirmations() {
        Map<String, String> p = new LinkedHashMap<>();
        if (!notSecret) {
            p.put("notSecret", "Hãy xác nhận văn bản không thuộc tài liệu mật: quy chế chỉ cho đăng văn bản không mật.");
        }
        if (!portalAmongRecipients) {
            p.put("portalAmongRecipients", "Hãy xác nhận mục Nơi nhận của văn bản có ghi Cổng thông tin điện tử.");
        }
        return p;
    }

    /** The chosen type, or null when the kind decides. */
    @Nullable InformationType type() {
        return InformationType.of(infoType).orElse(null);
    }

    Sensitivity level() {
        return Sensitivity.parse(sensitivity).orElseThrow();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
