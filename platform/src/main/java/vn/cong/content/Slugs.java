package vn.cong.content;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs from Vietnamese titles: "Đẩy mạnh chuyển đổi số" → "day-manh-chuyen-doi-so". */
public final class Slugs {

    private static final int MAX = 120;

    private Slugs() {
    }

    public static String fromTitle(String title) {
        String s = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D')
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (s.length() > MAX) {
            s = s.substring(0, MAX).replaceAll("-+[a-z0-9]*$", "");
        }
        return s;
    }
}
