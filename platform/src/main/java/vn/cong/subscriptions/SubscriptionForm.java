package vn.cong.subscriptions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.engagement.PublicText;

import java.util.LinkedHashMap;
import java.util.Map;

/** The public subscription form as typed, with {@code website} as the honeypot ({@link vn.cong.engagement.FormProtection#HONEYPOT}). */
@Serdeable
public record SubscriptionForm(@Nullable String email, @Nullable String topic, @Nullable String frequency, @Nullable String consent,
                               @Nullable String website) {

    public static SubscriptionForm empty(@Nullable String topic) {
        return new SubscriptionForm("", topic == null ? "" : topic, Frequency.IMMEDIATE.db(), null, "");
    }

    /** Field → message in the page's language; empty when the form can be taken (the topic's existence is checked apart). */
    public Map<String, String> problems(String lang) {
        boolean en = "en".equals(lang);
        Map<String, String> p = new LinkedHashMap<>();
        if (!PublicText.isEmail(email)) {
            p.put("email", en ? "Please enter a valid e-mail address: a confirmation link is sent to it."
                    : "Xin nhập địa chỉ thư điện tử hợp lệ: đường dẫn xác nhận được gửi về địa chỉ này.");
        }
        if (Topic.parse(topic).isEmpty()) {
            p.put("topic", en ? "Please choose what you want to receive." : "Xin chọn chuyên mục hoặc loại tin muốn nhận.");
        }
        if (Frequency.parse(frequency).isEmpty()) {
            p.put("frequency", en ? "Please choose how often you want to receive it." : "Xin chọn cách nhận tin.");
        }
        if (consent == null) {
            p.put("consent", en ? "Please agree to the privacy notice to subscribe."
                    : "Xin đồng ý với thông báo về bảo vệ dữ liệu cá nhân để đăng ký.");
        }
        return p;
    }
}
