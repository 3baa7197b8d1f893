package vn.cong.workflow.deadline;

import io.micronaut.core.annotation.Nullable;
import vn.cong.tenancy.manifest.FieldError;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a year of holidays the operator gives (console form or API): every date real and inside the
 * year, ranges in order, named and not overlapping, Saturdays worked in exchange not on a holiday, and
 * a year the platform bundles changed only as a deliberate replacement. Messages in Vietnamese name the line.
 */
public final class HolidayYearCheck {

    /** Vietnamese dates as people type them, or ISO. */
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Pattern RANGE = Pattern.compile("^(\\S+)\\s*(?:(?:-|–|—|đến)\\s*(\\S+))?$");
    private static final Pattern PROVISIONAL = Pattern.compile("(?i)tạm tính|tam tinh|provisional");

    private HolidayYearCheck() {
    }

    /** One entry as given: where it came from (for messages), its dates as typed, its name and flag. */
    public record Given(String where, String from, @Nullable String to, String name, boolean provisional) {
    }

    /** A year checked: the entries when all is well, else every problem. */
    public record Checked(@Nullable HolidayYear year, List<FieldError> errors) {
    }

    /** A year as the operator stores it. */
    public record HolidayYear(int year, boolean replacesBundled, List<HolidayEntry> entries) {
    }

    /**
     * The console form: one holiday a line ({@code 24/01/2028 - 30/01/2028; Tết Nguyên đán; tạm tính}), one
     * Saturday worked in exchange a line ({@code 05/02/2028; Làm bù cho ngày 31/01/2028}).
     */
    public static Checked form(@Nullable String year, boolean replacesBundled, @Nullable String holidays, @Nullable String workingDays,
                               IntPredicate bundled) {
        return check(year, replacesBundled, lines(holidays, "Ngày nghỉ, dòng "), lines(workingDays, "Ngày làm bù, dòng "), bundled);
    }

    private static List<Given> lines(@Nullable String text, String where) {
        List<Given> given = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(";", 3);
            Matcher m = RANGE.matcher(parts[0].strip());
            String from = m.matches() ? m.group(1) : parts[0].strip();
            String to = m.matches() ? m.group(2) : null;
            boolean provisional = parts.length > 2 && PROVISIONAL.matcher(parts[2]).find();
            given.add(new Given(where + (i + 1), from, to, parts.length > 1 ? parts[1].strip() : "", provisional));
        }
        return given;
    }

    /** Checks the entries given ({@code workingDays}: their {@code to} is ignored). */
    public static Checked check(@Nullable String yearText, boolean replacesBundled, List<Given> holidays, List<Given> workingDays,
                                IntPredicate bundled) {
        List<FieldError> errors = new ArrayList<>();
        Integer year = year(yearText);
        if (year == null) {
            errors.add(new FieldError("year", "Năm phải là một số từ 2000 đến 2200."));
            return new Checked(null, errors);
        }
        if (bundled.test(year) && !replacesBundled) {
            errors.add(new FieldError("year", "Năm " + year + " đã có trong lịch nghỉ lễ kèm theo nền tảng. Để sửa, chọn «Thay thế lịch kèm theo "
                    + "của năm " + year + "»; các ngày dưới đây sẽ thay toàn bộ ngày nghỉ của năm đó."));
        }
        List<HolidayEntry> entries = new ArrayList<>();
        List<String> whereOf = new ArrayList<>();
        for (Given g : holidays) {
            LocalDate from = date(g.from(), g.where(), year, errors, "holidays");
            LocalDate to = g.to() == null || g.to().isBlank() ? from : date(g.to(), g.where(), year, errors, "holidays");
            if (g.name().isBlank()) {
                errors.add(new FieldError("holidays", g.where() + ": thiếu tên ngày nghỉ (ví dụ «Tết Nguyên đán»)."));
            }
            if (from == null || to == null || g.name().isBlank()) {
                continue;
            }
            if (to.isBefore(from)) {
                errors.add(new FieldError("holidays", g.where() + ": ngày kết thúc " + DAY.format(to) + " trước ngày bắt đầu " + DAY.format(from) + "."));
                continue;
            }
            HolidayEntry entry = HolidayEntry.holiday(from, to, g.name().strip(), g.provisional());
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).overlaps(entry)) {
                    errors.add(new FieldError("holidays", g.where() + " trùng với " + lower(whereOf.get(i)) + " (" + range(entries.get(i)) + ")."));
                }
            }
            entries.add(entry);
            whereOf.add(g.where());
        }
        if (holidays.isEmpty()) {
            errors.add(new FieldError("holidays", "Chưa có ngày nghỉ nào: mỗi dòng một ngày hoặc một khoảng ngày và tên, "
                    + "ví dụ «24/01/2028 - 30/01/2028; Tết Nguyên đán Mậu Thân; tạm tính»."));
        }
        List<HolidayEntry> swaps = new ArrayList<>();
        for (Given g : workingDays) {
            LocalDate day = date(g.from(), g.where(), year, errors, "workingDays");
            if (day == null) {
                continue;
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                errors.add(new FieldError("workingDays", g.where() + ": " + DAY.format(day) + " không phải thứ Bảy hay Chủ nhật, "
                        + "vốn đã là ngày làm việc."));
            } else if (entries.stream().anyMatch(e -> !day.isBefore(e.from()) && !day.isAfter(e.to()))) {
                errors.add(new FieldError("workingDays", g.where() + ": " + DAY.format(day) + " là ngày nghỉ lễ đã khai ở trên."));
            } else {
                swaps.add(HolidayEntry.workingDay(day, g.name().strip()));
            }
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        entries.addAll(swaps);
        return new Checked(new HolidayYear(year, bundled.test(year) && replacesBundled, List.copyOf(entries)), List.of());
    }

    /** An entry as the form's line shows it. */
    public static String line(HolidayEntry e) {
        if (e.workingDay()) {
            return DAY.format(e.from()) + "; " + e.name();
        }
        return range(e) + "; " + e.name() + (e.provisional() ? "; tạm tính" : "");
    }

    public static String range(HolidayEntry e) {
        return e.from().equals(e.to()) ? DAY.format(e.from()) : DAY.format(e.from()) + " - " + DAY.format(e.to());
    }

    @Nullable
    private static Integer year(@Nullable String text) {
        if (text == null || !text.strip().matches("\\d{4}")) {
            return null;
        }
        int y = Integer.parseInt(text.strip());
        return y >= 2000 && y <= 2200 ? y : null;
    }

    @Nullable
    private static LocalDate date(String text, String where, int year, List<FieldError> errors, String field) {
        LocalDate d;
        try {
            d = text.contains("/") ? LocalDate.parse(text, VN) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, where + ": «" + text + "» không phải một ngày (viết dd/mm/yyyy, ví dụ 01/01/" + year + ")."));
            return null;
        }
        if (d.getYear() != year) {
            errors.add(new FieldError(field, where + ": ngày " + DAY.format(d) + " không thuộc năm " + year + "."));
            return null;
        }
        return d;
    }

    private static String lower(String s) {
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
