package vn.cong.workflow.deadline;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlinePolicyTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private final WorkingCalendar calendar = HolidayCalendarLoader.bundled();

    private static ZonedDateTime at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(VN);
    }

    private ZonedDateTime due(DeadlinePolicy policy, DeadlineKind kind, ZonedDateTime start) {
        return policy.due(kind, start, calendar).orElseThrow();
    }

    @Test
    void documentIssuedBeforeNoonIsDueTheSameDay() {
        assertEquals(at(2026, 11, 18, 17, 0), due(DeadlinePolicy.most(), DeadlineKind.DOCUMENT_PUBLICATION, at(2026, 11, 18, 10, 0)));
    }

    @Test
    void documentIssuedAfterNoonIsDueBeforeNoonNextWorkingDay() {
        assertEquals(at(2026, 11, 19, 12, 0), due(DeadlinePolicy.most(), DeadlineKind.DOCUMENT_PUBLICATION, at(2026, 11, 18, 14, 30)));
    }

    @Test
    void documentIssuedFridayAfternoonIsDueMondayNoon() {
        assertEquals(at(2026, 11, 23, 12, 0), due(DeadlinePolicy.most(), DeadlineKind.DOCUMENT_PUBLICATION, at(2026, 11, 20, 15, 0)));
    }

    @Test
    void documentStampedOnSaturdayCountsFromMondayMorning() {
        assertEquals(at(2026, 11, 23, 17, 0), due(DeadlinePolicy.most(), DeadlineKind.DOCUMENT_PUBLICATION, at(2026, 11, 21, 9, 0)));
    }

    @Test
    void documentIssuedBeforeTetIsDueAfterTheHoliday() {
        // Tết Bính Ngọ: 14–22/02/2026 off; Friday 13/02 afternoon → Monday 23/02 before noon
        assertEquals(at(2026, 2, 23, 12, 0), due(DeadlinePolicy.haiPhong(), DeadlineKind.DOCUMENT_PUBLICATION, at(2026, 2, 13, 15, 0)));
    }

    @Test
    void workingDaysSkipWeekendsAndTet() {
        // approved Thursday 12/02/2026 10:00, 3 working days: 13/02, 23/02, 24/02
        assertEquals(at(2026, 2, 24, 10, 0), due(DeadlinePolicy.most(), DeadlineKind.STRATEGY_PLAN_TENDER, at(2026, 2, 12, 10, 0)));
    }

    @Test
    void workingHoursCountOnlyOfficeHours() {
        // Friday 15:00 + 12 working hours: Fri 2 h, Mon 8 h, Tue 2 h → Tuesday 10:00
        assertEquals(at(2026, 11, 24, 10, 0), due(DeadlinePolicy.moha(), DeadlineKind.EVENT_NEWS_SUBMISSION, at(2026, 11, 20, 15, 0)));
        // starting in the lunch break counts from 13:00: Wed 4 h, Thu 8 h → Thursday 17:00
        assertEquals(at(2026, 11, 19, 17, 0), due(DeadlinePolicy.moha(), DeadlineKind.EVENT_NEWS_SUBMISSION, at(2026, 11, 18, 12, 30)));
    }

    @Test
    void eventNewsIsDueTwelveClockHoursAfterTheEvent() {
        assertEquals(at(2026, 11, 22, 8, 0), due(DeadlinePolicy.most(), DeadlineKind.EVENT_NEWS_SUBMISSION, at(2026, 11, 21, 20, 0)));
    }

    @Test
    void highlightedItemsGetSixHoursRoutineTwelve() {
        ZonedDateTime received = at(2026, 11, 18, 9, 0);
        assertEquals(at(2026, 11, 18, 15, 0), due(DeadlinePolicy.most(), DeadlineKind.EDITING_HIGHLIGHTED, received));
        assertEquals(at(2026, 11, 18, 21, 0), due(DeadlinePolicy.most(), DeadlineKind.EDITING_ROUTINE, received));
    }

    @Test
    void questionsAndAnswersFollowHaiPhongDays() {
        ZonedDateTime forwarded = at(2026, 11, 18, 9, 0);
        assertEquals(at(2026, 11, 21, 17, 0), due(DeadlinePolicy.haiPhong(), DeadlineKind.QA_ANSWER_ONE_UNIT, forwarded));
        assertEquals(at(2026, 11, 25, 17, 0), due(DeadlinePolicy.haiPhong(), DeadlineKind.QA_ANSWER_SEVERAL_UNITS, forwarded));
    }

    @Test
    void monthlyReportIsDueInTheFirstWeekOfNextMonth() {
        assertEquals(at(2026, 12, 7, 17, 0), due(DeadlinePolicy.haiPhong(), DeadlineKind.MONTHLY_REPORT, at(2026, 11, 30, 17, 0)));
    }

    @Test
    void ruleTheRegulationDoesNotSetHasNoDeadline() {
        assertTrue(DeadlinePolicy.moha().due(DeadlineKind.DOCUMENT_PUBLICATION, at(2026, 11, 18, 10, 0), calendar).isEmpty());
    }

    @Test
    void swappedSaturdayIsAWorkingDayAndTheBridgeDayIsNot() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 4, 26)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 5, 2)));
        assertEquals("Tết Nguyên đán Bính Ngọ", calendar.holidayName(LocalDate.of(2026, 2, 17)).orElseThrow());
    }

    @Test
    void tenantCanOverrideAPresetRule() {
        DeadlinePolicy custom = DeadlinePolicy.most().with(DeadlineKind.EDITING_ROUTINE, new DeadlineRule.WorkingDays(1));
        assertEquals(at(2026, 11, 19, 9, 0), due(custom, DeadlineKind.EDITING_ROUTINE, at(2026, 11, 18, 9, 0)));
        assertEquals(at(2026, 11, 18, 21, 0), due(DeadlinePolicy.most(), DeadlineKind.EDITING_ROUTINE, at(2026, 11, 18, 9, 0)));
    }
}
