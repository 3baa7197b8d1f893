package vn.cong.reports.contribution;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as seed 004 prints them: a decimal comma, at most two decimals, at least one unless zero (28,5 · 8,0 · 7,83 · 0). */
public final class Figures {

    private Figures() {
    }

    public static String average(BigDecimal value) {
        BigDecimal rounded = value.setScale(2, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = rounded.stripTrailingZeros();
        if (stripped.scale() < 1) {
            stripped = stripped.setScale(1, RoundingMode.UNNECESSARY);
        }
        return stripped.toPlainString().replace('.', ',');
    }

    /** A count with a dot between thousands, as Vietnamese text writes it (1.257). */
    public static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '.');
    }
}
