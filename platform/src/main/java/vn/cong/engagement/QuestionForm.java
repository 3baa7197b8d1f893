package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The public question form as typed [issue 10: name, e-mail, phone or postal address, topic, the unit it concerns
 * if known, the question, consent to the privacy notice], with {@link FormProtection#HONEYPOT} as {@code website}.
 * Kept as text so a refused form comes back as it was typed.
 */
@Serdeable
public record QuestionForm(@Nullable String name, @Nullable String email, @Nullable String phone, @Nullable String address,
                           @Nullable String topic, @Nullable String unit, @Nullable String title, @Nullable String body,
                           @Nullable String consent, @Nullable String website) {

    public static final int NAME_MAX = 120;
    public static final int EMAIL_MAX = PublicText.EMAIL_MAX;
    public static final int PHONE_MAX = 20;
    public static final int ADDRESS_MAX = 300;
    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 5000;

    private static final Pattern PHONE = Pattern.compile("^[0-9+() .-]{6,20}$");

    public static QuestionForm empty() {
        return new QuestionForm("", "", "", "", "", "", "", "", null, "");
    }

    static String line(@Nullable String s) {
        return PublicText.line(s);
    }

    static String text(@Nullable String s) {
        return PublicText.text(s);
    }

    /** Field → message in the page's language; empty when the form can be taken. */
    public Map<String, String> problems(String lang, java.util.Set<String> topics) {
        boolean en = "en".equals(lang);
        Map<String, String> p = new LinkedHashMap<>();
        String n = line(name);
        if (n.isEmpty()) {
            p.put("name", en ? "Please enter your name." : "Xin nhập họ và tên.");
        } else if (n.length() > NAME_MAX) {
            p.put("name", en ? "The name is longer than " + NAME_MAX + " characters." : "Họ và tên dài quá " + NAME_MAX + " ký tự.");
        }
        if (!PublicText.isEmail(email)) {
            p.put("email", en ? "Please enter a valid e-mail address: the answer and a confirmation link are sent to it."
                    : "Xin nhập địa chỉ thư điện tử hợp lệ: đường dẫn xác nhận và câu trả lời được gửi về địa chỉ này.");
        }
        String ph = line(phone);
        String ad = line(address);
        if (ph.isEmpty() && ad.isEmpty()) {
            p.put("phone", en ? "Please give a phone number or a postal address." : "Xin nhập số điện thoại hoặc địa chỉ liên hệ.");
        } else if (!ph.isEmpty() && !PHONE.matcher(ph).matches()) {
            p.put("phone", en ? "The phone number may hold digits, spaces and + ( ) . - (6 to 20 characters)."
                    : "Số điện thoại chỉ gồm chữ số, dấu cách và + ( ) . - (6 đến 20 ký tự).");
        }
        if (ad.length() > ADDRESS_MAX) {
            p.put("address", en ? "The address is longer than " + ADDRESS_MAX + " characters." : "Địa chỉ dài quá " + ADDRESS_MAX + " ký tự.");
        }
        if (topic == null || !topics.contains(topic)) {
            p.put("topic", en ? "Please choose a topic." : "Xin chọn lĩnh vực của câu hỏi.");
        }
        String t = line(title);
        if (t.isEmpty()) {
            p.put("title", en ? "Please give your question a title." : "Xin nhập tiêu đề câu hỏi.");
        } else if (t.length() > TITLE_MAX) {
            p.put("title", en ? "The title is longer than " + TITLE_MAX + " characters." : "Tiêu đề dài quá " + TITLE_MAX + " ký tự.");
        }
        String b = text(body);
        if (b.isEmpty()) {
            p.put("body", en ? "Please write your question." : "Xin nhập nội dung câu hỏi.");
        } else if (b.length() > BODY_MAX) {
            p.put("body", en ? "The question is longer than " + BODY_MAX + " characters (" + b.length() + ")."
                    : "Nội dung câu hỏi dài quá " + BODY_MAX + " ký tự (hiện có " + b.length() + ").");
        }
        if (consent == null) {
            p.put("consent", en ? "Please agree to the privacy notice to send your question."
                    : "Xin đồng ý với thông báo về bảo vệ dữ liệu cá nhân để gửi câu hỏi.");
        }
        return p;
    }

    @Nullable
    Long unitId() {
        try {
            return unit == null || unit.isBlank() ? null : Long.valueOf(unit.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
