package vn.cong.reports.royalties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/** Money and decimals as the seeds write them: 1.250.000 đ, a coefficient 1,2. */
public final class Vnd {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private Vnd() {
    }

    /** Whole đồng, thousands grouped with a dot: 1250000 → "1.250.000 đ". */
    public static String format(long dong) {
        return String.format(VIETNAMESE, "%,d", dong) + " đ";
    }

    /** A decimal with a comma and no trailing zeros: 1.20 → "1,2", 2.00 → "2". */
    public static String decimal(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString().replace('.', ',');
    }

    /** A typed decimal ("1,2" or "1.2", at most {@code scale} decimals), or empty when it is not one. */
    public static Optional<BigDecimal> parse(String typed, int scale) {
        String s = typed == null ? "" : typed.strip().replace(',', '.');
        if (!s.matches("\\d{1,6}(\\.\\d{1," + scale + "})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s));
    }

    /** Whole đồng, typed with or without dots, spaces or a trailing "đ": "234.000 đ" → 234000. */
    public static Optional<Long> parseDong(String typed) {
        String s = typed == null ? "" : typed.strip().replaceAll("(?i)\\s*(đ|đồng|vnd)$", "").replaceAll("[.\\s]", "");
        return s.matches("\\d{1,12}") ? Optional.of(Long.parseLong(s)) : Optional.empty();
    }

    /** units × coefficient × the value of a unit, rounded to the nearest đồng (half up). */
    public static long amount(BigDecimal units, BigDecimal coefficient, long unitValue) {
        return units.multiply(coefficient).multiply(BigDecimal.valueOf(unitValue)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
