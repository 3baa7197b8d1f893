package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The public petition form as typed [issue 10 point 4: name, e-mail, phone or postal address, the unit it concerns if
 * known, title, text, consent], with {@link FormProtection#HONEYPOT} as {@code website}; the files come beside it.
 */
public record PetitionForm(@Nullable String name, @Nullable String email, @Nullable String phone, @Nullable String address,
                           @Nullable String unit, @Nullable String title, @Nullable String body, @Nullable String consent,
                           @Nullable String website) {

    public static final int BODY_MAX = 10000;
    /** At most this many files with one petition. */
    public static final int FILES_MAX = 3;
    private static final Pattern PHONE = Pattern.compile("^[0-9+() .-]{6,20}$");

    public static PetitionForm empty() {
        return new PetitionForm("", "", "", "", "", "", "", null, "");
    }

    /** Field → message in the page's language; empty when the petition can be taken. */
    public Map<String, String> problems(String lang) {
        boolean en = "en".equals(lang);
        Map<String, String> p = new LinkedHashMap<>();
        String n = PublicText.line(name);
        if (n.isEmpty() || n.length() > 120) {
            p.put("name", en ? "Please enter your name (up to 120 characters)." : "Xin nhập họ và tên (tối đa 120 ký tự).");
        }
        if (!PublicText.isEmail(email)) {
            p.put("email", en ? "Please enter a valid e-mail address: the answer and a confirmation link are sent to it."
                    : "Xin nhập địa chỉ thư điện tử hợp lệ: đường dẫn xác nhận và kết quả trả lời được gửi về địa chỉ này.");
        }
        String ph = PublicText.line(phone);
        String ad = PublicText.line(address);
        if (ph.isEmpty() && ad.isEmpty()) {
            p.put("phone", en ? "Please give a phone number or a postal address." : "Xin nhập số điện thoại hoặc địa chỉ liên hệ.");
        } else if (!ph.isEmpty() && !PHONE.matcher(ph).matches()) {
            p.put("phone", en ? "The phone number may hold digits, spaces and + ( ) . - (6 to 20 characters)."
                    : "Số điện thoại chỉ gồm chữ số, dấu cách và + ( ) . - (6 đến 20 ký tự).");
        }
        if (ad.length() > 300) {
            p.put("address", en ? "The address is longer than 300 characters." : "Địa chỉ dài quá 300 ký tự.");
        }
        String t = PublicText.line(title);
        if (t.isEmpty() || t.length() > 200) {
            p.put("title", en ? "Please give a title (up to 200 characters)." : "Xin nhập tiêu đề (tối đa 200 ký tự).");
        }
        String b = PublicText.text(body);
        if (b.isEmpty()) {
            p.put("body", en ? "Please write your feedback or petition." : "Xin nhập nội dung phản ánh, kiến nghị.");
        } else if (b.length() > BODY_MAX) {
            p.put("body", en ? "The text is longer than " + BODY_MAX + " characters." : "Nội dung dài quá " + BODY_MAX + " ký tự.");
        }
        if (consent == null) {
            p.put("consent", en ? "Please agree to the privacy notice to send your petition."
                    : "Xin đồng ý với thông báo về bảo vệ dữ liệu cá nhân để gửi phản ánh, kiến nghị.");
        }
        return p;
    }

    @Nullable
    Long unitId() {
        try {
            return unit == null || unit.isBlank() ? null : Long.valueOf(unit.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
