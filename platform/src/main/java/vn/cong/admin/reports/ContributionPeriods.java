package vn.cong.admin.reports;

import io.micronaut.core.annotation.Nullable;
import vn.cong.reports.contribution.Period;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The period picker as typed (kept when it is wrong): kind, year, value (month 1–12, quarter 1–4, half 1–2), from, to. */
record ContributionPeriods(@Nullable String kind, @Nullable String year, @Nullable String value, @Nullable String from, @Nullable String to) {

    boolean empty() {
        return blank(kind) && blank(year) && blank(from) && blank(to);
    }

    Optional<Period> period() {
        try {
            return Period.of(blank(kind) ? null : kind.strip(), number(year), number(value), date(from), date(to));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static ContributionPeriods of(Period p) {
        return new ContributionPeriods("custom", String.valueOf(p.from().getYear()), "", p.from().toString(), p.to().toString());
    }

    private static @Nullable Integer number(@Nullable String s) {
        return blank(s) ? null : Integer.valueOf(s.strip());
    }

    private static @Nullable LocalDate date(@Nullable String s) {
        return blank(s) ? null : LocalDate.parse(s.strip());
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
