package vn.cong.reports.contribution;

import io.micronaut.core.annotation.Nullable;
import vn.cong.system.VietnamTime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A report's period: whole days in Vietnam time, {@code from} and {@code to} included. Its length in months counts a
 * partial month in proportion to its days (1–15 March is 15/31 of a month), which is what a monthly average divides by.
 */
public record Period(LocalDate from, LocalDate to) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
    }

    public static Period month(int year, int month) {
        YearMonth m = YearMonth.of(year, month);
        return new Period(m.atDay(1), m.atEndOfMonth());
    }

    public static Period quarter(int year, int quarter) {
        return months(year, (quarter - 1) * 3 + 1, 3);
    }

    public static Period halfYear(int year, int half) {
        return months(year, half == 1 ? 1 : 7, 6);
    }

    public static Period year(int year) {
        return months(year, 1, 12);
    }

    private static Period months(int year, int first, int count) {
        YearMonth start = YearMonth.of(year, first);
        return new Period(start.atDay(1), start.plusMonths(count - 1L).atEndOfMonth());
    }

    /**
     * The period a picker asks for: {@code kind} month (value 1–12), quarter (1–4), half (1–2), year, or custom
     * ({@code from}, {@code to}); empty when the values do not make one.
     */
    public static Optional<Period> of(@Nullable String kind, @Nullable Integer year, @Nullable Integer value,
                                      @Nullable LocalDate from, @Nullable LocalDate to) {
        try {
            if ("custom".equals(kind) || kind == null && from != null) {
                return from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 3700
                        ? Optional.empty() : Optional.of(new Period(from, to));
            }
            if (year == null || year < 1990 || year > 2200) {
                return Optional.empty();
            }
            return switch (kind == null ? "year" : kind) {
                case "month" -> value == null ? Optional.empty() : Optional.of(month(year, value));
                case "quarter" -> value == null || value < 1 || value > 4 ? Optional.empty() : Optional.of(quarter(year, value));
                case "half" -> value == null || value < 1 || value > 2 ? Optional.empty() : Optional.of(halfYear(year, value));
                case "year" -> Optional.of(year(year));
                default -> Optional.empty();
            };
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The last complete period of a report cadence (the profile's {@code reports} value) before {@code today}: the
     * previous half-year, month or year.
     */
    public static Period previous(String cadence, LocalDate today) {
        return switch (cadence) {
            case "monthly" -> month(today.minusMonths(1).getYear(), today.minusMonths(1).getMonthValue());
            case "yearly" -> year(today.getYear() - 1);
            default -> today.getMonthValue() > 6 ? halfYear(today.getYear(), 1) : halfYear(today.getYear() - 1, 2);
        };
    }

    /** The period of a report cadence that holds {@code today} (this month, half-year or year). */
    public static Period current(String cadence, LocalDate today) {
        return switch (cadence) {
            case "monthly" -> month(today.getYear(), today.getMonthValue());
            case "yearly" -> year(today.getYear());
            default -> halfYear(today.getYear(), today.getMonthValue() <= 6 ? 1 : 2);
        };
    }

    /** The first instant of the period. */
    public OffsetDateTime start() {
        return from.atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
    }

    /** The first instant after the period. */
    public OffsetDateTime end() {
        return to.plusDays(1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
    }

    /** Whole calendar months count 1 each; a partial month its days over the month's days. */
    public BigDecimal months() {
        BigDecimal sum = BigDecimal.ZERO;
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            LocalDate first = m.atDay(1).isBefore(from) ? from : m.atDay(1);
            LocalDate last = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
            long days = ChronoUnit.DAYS.between(first, last) + 1;
            sum = days == m.lengthOfMonth() ? sum.add(BigDecimal.ONE)
                    : sum.add(BigDecimal.valueOf(days).divide(BigDecimal.valueOf(m.lengthOfMonth()), 12, RoundingMode.HALF_UP));
        }
        return sum;
    }

    /** Whether a month is counted only in part. */
    public boolean partial() {
        return from.getDayOfMonth() != 1 || !to.equals(YearMonth.from(to).atEndOfMonth());
    }

    /** As seed 004 writes it: "từ ngày 01/01/2018 đến hết ngày 30/06/2018". */
    public String label() {
        return "từ ngày " + DAY.format(from) + " đến hết ngày " + DAY.format(to);
    }
}
