package vn.cong.admin.publicforms;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.engagement.DayReading;
import vn.cong.engagement.PublicFormSettings;
import vn.cong.web.CsrfForm;

import java.util.LinkedHashMap;
import java.util.Map;

/** The public forms' settings as typed: text, so a wrong value is shown back as it was typed. */
@Serdeable
record PublicFormSettingsForm(@Nullable String perAddressLimit, @Nullable String perAddressMinutes, @Nullable String perEmailLimit,
                              @Nullable String perEmailHours, @Nullable String anonymiseAfterMonths, @Nullable String qaDayReading,
                              @Nullable String csrfToken) implements CsrfForm {

    static PublicFormSettingsForm of(PublicFormSettings.Settings s) {
        return new PublicFormSettingsForm(String.valueOf(s.perAddressLimit()), String.valueOf(s.perAddressWindow().toMinutes()),
                String.valueOf(s.perEmailLimit()), String.valueOf(s.perEmailWindow().toHours()), String.valueOf(s.anonymiseAfterMonths()),
                s.qaDayReading().db(), null);
    }

    /** Each field's problem in Vietnamese, by field name; empty when every value is within the database's bounds. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        check(problems, "perAddressLimit", perAddressLimit, 1, 1000, "lượt gửi");
        check(problems, "perAddressMinutes", perAddressMinutes, 1, 1440, "phút");
        check(problems, "perEmailLimit", perEmailLimit, 1, 1000, "lượt gửi");
        check(problems, "perEmailHours", perEmailHours, 1, 720, "giờ");
        check(problems, "anonymiseAfterMonths", anonymiseAfterMonths, 1, 240, "tháng");
        if (dayReading() == null) {
            problems.put("qaDayReading", "Hãy chọn cách tính ngày: ngày làm việc hoặc ngày theo lịch.");
        }
        return problems;
    }

    int number(String value) {
        return Integer.parseInt(value.trim());
    }

    @Nullable
    DayReading dayReading() {
        for (DayReading r : DayReading.values()) {
            if (r.db().equals(qaDayReading)) {
                return r;
            }
        }
        return null;
    }

    private static void check(Map<String, String> problems, String field, @Nullable String value, int min, int max, String unit) {
        Integer n = null;
        try {
            n = value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (n == null || n < min || n > max) {
            problems.put(field, "Hãy nhập một số nguyên từ " + min + " đến " + max + " " + unit + ".");
        }
    }
}
