package vn.cong.engagement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The comment form under a draft for public consultation as typed [issue 10 point 3: name, e-mail, organisation if
 * any, the comment, consent], with {@link FormProtection#HONEYPOT} as {@code website}. Kept as text so a refused form
 * comes back as it was typed.
 */
@Serdeable
public record CommentForm(@Nullable String name, @Nullable String email, @Nullable String organisation, @Nullable String body,
                          @Nullable String consent, @Nullable String website) {

    public static final int NAME_MAX = 120;
    public static final int ORGANISATION_MAX = 200;
    public static final int BODY_MAX = 10000;

    public static CommentForm empty() {
        return new CommentForm("", "", "", "", null, "");
    }

    /** Field → message in the page's language; empty when the comment can be taken. */
    public Map<String, String> problems(String lang) {
        boolean en = "en".equals(lang);
        Map<String, String> p = new LinkedHashMap<>();
        String n = PublicText.line(name);
        if (n.isEmpty()) {
            p.put("name", en ? "Please enter your name." : "Xin nhập họ và tên.");
        } else if (n.length() > NAME_MAX) {
            p.put("name", en ? "The name is longer than " + NAME_MAX + " characters." : "Họ và tên dài quá " + NAME_MAX + " ký tự.");
        }
        if (!PublicText.isEmail(email)) {
            p.put("email", en ? "Please enter a valid e-mail address." : "Xin nhập địa chỉ thư điện tử hợp lệ.");
        }
        if (PublicText.line(organisation).length() > ORGANISATION_MAX) {
            p.put("organisation", en ? "The organisation is longer than " + ORGANISATION_MAX + " characters."
                    : "Tên cơ quan, tổ chức dài quá " + ORGANISATION_MAX + " ký tự.");
        }
        String b = PublicText.text(body);
        if (b.isEmpty()) {
            p.put("body", en ? "Please write your comment." : "Xin nhập nội dung góp ý.");
        } else if (b.length() > BODY_MAX) {
            p.put("body", en ? "The comment is longer than " + BODY_MAX + " characters (" + b.length() + ")."
                    : "Nội dung góp ý dài quá " + BODY_MAX + " ký tự (hiện có " + b.length() + ").");
        }
        if (consent == null) {
            p.put("consent", en ? "Please agree to the privacy notice to send your comment."
                    : "Xin đồng ý với thông báo về bảo vệ dữ liệu cá nhân để gửi góp ý.");
        }
        return p;
    }
}
