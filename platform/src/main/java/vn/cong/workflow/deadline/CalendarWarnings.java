package vn.cong.workflow.deadline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator must do about the holiday calendar: a year without holidays starting within
 * {@value #LEAD_DAYS} days (deadlines there would ignore Tết and the national holidays), and provisional
 * entries still waiting for the government's yearly notice.
 */
public final class CalendarWarnings {

    /** How long before a year without a calendar starts the console warns. */
    public static final int LEAD_DAYS = 60;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CalendarWarnings() {
    }

    /** One warning, with the year it asks the operator to add or check (the console links to that year's form). */
    public record Warning(String text, int year) {
    }

    /** The warnings on {@code today}, most urgent first, in Vietnamese. */
    public static List<String> on(WorkingCalendar calendar, LocalDate today) {
        return warnings(calendar, today).stream().map(Warning::text).toList();
    }

    /** The warnings on {@code today} with their years. */
    public static List<Warning> warnings(WorkingCalendar calendar, LocalDate today) {
        List<Warning> warnings = new ArrayList<>();
        for (int year = today.getYear(); year <= today.plusDays(LEAD_DAYS).getYear(); year++) {
            if (!calendar.years().contains(year)) {
                LocalDate starts = LocalDate.of(year, 1, 1);
                long days = ChronoUnit.DAYS.between(today, starts);
                warnings.add(new Warning(days <= 0
                        ? "Lịch nghỉ lễ chưa có năm " + year + ": thời hạn đang tính như thể năm nay không có ngày lễ, Tết."
                        : "Lịch nghỉ lễ chưa có năm " + year + " (bắt đầu sau " + days + " ngày): hãy bổ sung ngày nghỉ lễ, Tết của năm "
                        + year + " trước khi năm mới bắt đầu.", year));
            }
        }
        // one warning per holiday (a provisional Tết is several days), from its first day
        java.util.Map<String, LocalDate> firstDays = new java.util.LinkedHashMap<>();
        calendar.provisionalFrom(today).forEach((day, name) -> {
            if (day.getYear() <= today.getYear() + 1) {
                firstDays.putIfAbsent(name + " " + day.getYear(), day);
            }
        });
        firstDays.forEach((key, day) -> warnings.add(new Warning("Ngày nghỉ «" + calendar.holidayName(day).orElse(key) + "» từ " + day.format(DAY)
                + " còn tạm tính: hãy đối chiếu với thông báo nghỉ lễ của Chính phủ.", day.getYear())));
        return warnings;
    }
}
