package vn.cong.content.library;

import io.micronaut.core.annotation.Nullable;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/** A share of a picture's width or height as staff type it: 0 to 100, decimals with a comma or a point ("12,5"). */
final class Percent {

    private Percent() {
    }

    /** The number typed, or null with a message put in {@code problems} under {@code field}; {@code positive} refuses 0. */
    @Nullable
    static Double parse(@Nullable String typed, String field, String label, boolean positive, Map<String, String> problems) {
        String range = positive ? "lớn hơn 0 và không quá 100" : "từ 0 đến 100";
        if (typed == null || typed.isBlank()) {
            problems.put(field, label + ": hãy nhập một số " + range + " (%).");
            return null;
        }
        try {
            double value = Double.parseDouble(typed.strip().replace(',', '.').replace("%", "").strip());
            if (Double.isNaN(value) || value < 0 || value > 100 || (positive && value == 0)) {
                problems.put(field, label + " phải là số " + range + " (%); đã nhập «" + typed.strip() + "».");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.put(field, label + " phải là số " + range + " (%); «" + typed.strip() + "» không phải là số.");
            return null;
        }
    }

    /** A share as the form shows it back: at most one decimal, with a comma. */
    static String shown(double value) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi"))).format(value);
    }
}
