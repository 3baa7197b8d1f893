package vn.cong.reports.produced;

import io.micronaut.core.annotation.Nullable;
import vn.cong.reports.contribution.Period;
import vn.cong.system.StoredCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A period a report is produced for: a calendar month, quarter, half-year or year in Vietnam time. The periods a
 * profile's {@code reports} value asks for: {@code half-year} → each half-year and year [000 Đ17]; {@code monthly} →
 * each month, quarter and year [003 Đ17]; {@code yearly} → each year [001 Đ19].
 */
public record CadencePeriod(Kind kind, LocalDate from, LocalDate to) {

    /** The length of a period. */
    public enum Kind implements StoredCode {
        MONTH(1), QUARTER(3), HALF(6), YEAR(12);

        private final int months;

        Kind(int months) {
            this.months = months;
        }

        public int months() {
            return months;
        }
    }

    /** The period of {@code kind} that holds {@code day}. */
    public static CadencePeriod holding(Kind kind, LocalDate day) {
        int first = (day.getMonthValue() - 1) / kind.months() * kind.months() + 1;
        YearMonth start = YearMonth.of(day.getYear(), first);
        return new CadencePeriod(kind, start.atDay(1), start.plusMonths(kind.months() - 1L).atEndOfMonth());
    }

    /** The kinds of period a profile's cadence ({@code reports} value) produces. */
    public static List<Kind> kindsOf(@Nullable String cadence) {
        return switch (cadence == null ? "half-year" : cadence) {
            case "monthly" -> List.of(Kind.MONTH, Kind.QUARTER, Kind.YEAR);
            case "yearly" -> List.of(Kind.YEAR);
            default -> List.of(Kind.HALF, Kind.YEAR);
        };
    }

    /**
     * The periods of {@code kind} that have ended by {@code today} (their last day is before it) and end on or after
     * {@code since}, oldest first.
     */
    public static List<CadencePeriod> ended(Kind kind, LocalDate since, LocalDate today) {
        List<CadencePeriod> out = new ArrayList<>();
        for (CadencePeriod p = holding(kind, since); p.to().isBefore(today); p = p.next()) {
            out.add(p);
        }
        return out;
    }

    public CadencePeriod next() {
        return holding(kind, to.plusDays(1));
    }

    public Period period() {
        return new Period(from, to);
    }

    /** As the reports name it: Tháng 11/2026, Quý IV/2026, 6 tháng đầu năm 2026, Năm 2026. */
    public String label() {
        return switch (kind) {
            case MONTH -> "Tháng " + from.getMonthValue() + "/" + from.getYear();
            case QUARTER -> "Quý " + List.of("I", "II", "III", "IV").get((from.getMonthValue() - 1) / 3) + "/" + from.getYear();
            case HALF -> "6 tháng " + (from.getMonthValue() == 1 ? "đầu" : "cuối") + " năm " + from.getYear();
            case YEAR -> "Năm " + from.getYear();
        };
    }
}
