package vn.cong.workflow.deadline;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's holiday-calendar warnings on given days (the bundled calendar has 2025–2027). */
class CalendarWarningsTest {

    private final WorkingCalendar calendar = HolidayCalendarLoader.bundled();

    @Test
    void aYearWithoutACalendarIsAnnouncedSixtyDaysBeforeItStarts() {
        assertEquals(List.of(), missing(LocalDate.of(2027, 11, 1)), "61 days before 2028: nothing yet");
        assertEquals(List.of("Lịch nghỉ lễ chưa có năm 2028 (bắt đầu sau 60 ngày): hãy bổ sung ngày nghỉ lễ, Tết của năm 2028 trước khi "
                + "năm mới bắt đầu."), missing(LocalDate.of(2027, 11, 2)));
        assertEquals(List.of("Lịch nghỉ lễ chưa có năm 2028: thời hạn đang tính như thể năm nay không có ngày lễ, Tết."),
                missing(LocalDate.of(2028, 1, 5)));
    }

    @Test
    void provisionalHolidaysAreListedOncePerHolidayUntilTheyPass() {
        List<String> warnings = CalendarWarnings.on(calendar, LocalDate.of(2026, 12, 3));
        assertTrue(warnings.contains("Ngày nghỉ «Tết Nguyên đán Đinh Mùi» từ 04/02/2027 còn tạm tính: hãy đối chiếu với thông báo nghỉ lễ "
                + "của Chính phủ."), warnings.toString());
        assertEquals(1, warnings.stream().filter(w -> w.contains("Tết Nguyên đán Đinh Mùi")).count(), "Tết is several days, one warning");
        assertTrue(warnings.stream().noneMatch(w -> w.contains("02/09/2026") || w.contains("01/09/2026")), "a holiday past is not warned about");
        assertEquals(3, warnings.size(), warnings.toString());
    }

    private List<String> missing(LocalDate today) {
        return CalendarWarnings.on(calendar, today).stream().filter(w -> w.startsWith("Lịch nghỉ lễ")).toList();
    }
}
