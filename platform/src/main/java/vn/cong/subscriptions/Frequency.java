package vn.cong.subscriptions;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.Optional;

/** How often a subscriber hears: each new item at once, or one digest a day (tổng hợp hằng ngày). */
public enum Frequency {
    IMMEDIATE, DAILY;

    public String db() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Frequency> parse(@Nullable String code) {
        return Arrays.stream(values()).filter(f -> f.db().equals(code == null ? "" : code.strip())).findFirst();
    }

    public String label(String lang) {
        boolean en = "en".equals(lang);
        return this == IMMEDIATE ? (en ? "each new item at once" : "nhận ngay khi có tin mới") : (en ? "one digest a day" : "bản tổng hợp mỗi ngày");
    }
}
