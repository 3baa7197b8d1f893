package vn.cong.reports.accounts;

import vn.cong.system.VietnamTime;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period an account report covers: a month (the monthly risk review, seed 001 Đ5.1đ) or a quarter (the
 * quarterly report, seed 000 Đ7.2d), from its first day 00:00 to the next period's, in Vietnam time.
 * {@code code} is how it travels in a URL: {@code 2026-11} or {@code 2026-Q4}.
 */
public record ReportPeriod(String code, String label, LocalDate start, LocalDate end) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(month.toString(), "Tháng " + month.getMonthValue() + "/" + month.getYear(),
                month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public static ReportPeriod quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new ReportPeriod(year + "-Q" + quarter, "Quý " + roman(quarter) + "/" + year, start, start.plusMonths(3));
    }

    /** The period a URL names; empty for anything else (a month 01–12 from 2000 on). */
    public static Optional<ReportPeriod> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m = MONTH.matcher(code.strip());
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            return year >= 2000 && month >= 1 && month <= 12 ? Optional.of(month(YearMonth.of(year, month))) : Optional.empty();
        }
        Matcher q = QUARTER.matcher(code.strip());
        if (q.matches() && Integer.parseInt(q.group(1)) >= 2000) {
            return Optional.of(quarter(Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2))));
        }
        return Optional.empty();
    }

    /** The periods offered for {@code today}: this month and the eleven before it, then this quarter and the four before. */
    public static List<ReportPeriod> offered(LocalDate today) {
        List<ReportPeriod> periods = new ArrayList<>();
        YearMonth month = YearMonth.from(today);
        for (int i = 0; i < 12; i++) {
            periods.add(month(month.minusMonths(i)));
        }
        LocalDate quarterStart = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        for (int i = 0; i < 5; i++) {
            LocalDate s = quarterStart.minusMonths(3L * i);
            periods.add(quarter(s.getYear(), (s.getMonthValue() - 1) / 3 + 1));
        }
        return periods;
    }

    public OffsetDateTime from() {
        return start.atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
    }

    public OffsetDateTime until() {
        return end.atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
    }

    private static String roman(int quarter) {
        return switch (quarter) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            default -> "IV";
        };
    }
}
