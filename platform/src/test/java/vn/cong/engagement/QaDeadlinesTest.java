package vn.cong.engagement;

import org.junit.jupiter.api.Test;
import vn.cong.workflow.deadline.HolidayCalendarLoader;
import vn.cong.workflow.deadline.WorkingCalendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Q&A deadlines of seed 003 Đ13.2 on the working calendar, with the expected times written out. */
class QaDeadlinesTest {

    private static final WorkingCalendar CALENDAR = HolidayCalendarLoader.bundled();
    /** 16:55 on Friday 24 January 2025, the last working day before the Tết Ất Tỵ holiday (25 January – 2 February). */
    private static final Instant RECEIVED = at("2025-01-24T16:55:00+07:00");
    /** Forwarded on Tuesday 4 February, a working day later than due. */
    private static final Instant FORWARDED_LATE = at("2025-02-04T09:30:00+07:00");

    private static Instant at(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static OffsetDateTime due(QaDeadlines.Step step) {
        return step.due().toOffsetDateTime();
    }

    @Test
    void aQuestionReceivedBeforeTetIsDueForForwardingOnTheFirstWorkingDayAfterIt() {
        QaDeadlines working = new QaDeadlines(CALENDAR, DayReading.WORKING);
        List<QaDeadlines.Step> steps = working.steps(RECEIVED, null, 0, null, null);
        assertEquals(1, steps.size());
        assertEquals(OffsetDateTime.parse("2025-02-03T16:55:00+07:00"), due(steps.get(0)), "Monday 3 February, the same time of day");
        assertFalse(steps.get(0).overdueAt(at("2025-02-03T16:54:00+07:00")));
        assertTrue(steps.get(0).overdueAt(at("2025-02-03T16:56:00+07:00")));
    }

    @Test
    void aLateForwardIsItsOwnOverdueStepAndTheAnswerRunsFromTheActualForwarding() {
        QaDeadlines working = new QaDeadlines(CALENDAR, DayReading.WORKING);
        List<QaDeadlines.Step> oneUnit = working.steps(RECEIVED, FORWARDED_LATE, 1, null, null);
        assertEquals("forward", oneUnit.get(0).code());
        assertTrue(oneUnit.get(0).overdueAt(at("2025-02-04T10:00:00+07:00")), "forwarded after Monday 16:55: late");
        assertEquals(OffsetDateTime.parse("2025-02-07T09:30:00+07:00"), due(oneUnit.get(1)), "one unit: 3 working days from Tuesday 09:30");
        assertFalse(oneUnit.get(1).overdueAt(at("2025-02-06T12:00:00+07:00")), "the late forward does not make the answer late");

        List<QaDeadlines.Step> twoUnits = working.steps(RECEIVED, FORWARDED_LATE, 2, null, null);
        assertEquals(OffsetDateTime.parse("2025-02-13T09:30:00+07:00"), due(twoUnits.get(1)), "two units: 7 working days");
    }

    @Test
    void theAnswerIsPublishedWithinADayOfItsArrival() {
        QaDeadlines working = new QaDeadlines(CALENDAR, DayReading.WORKING);
        Instant answered = at("2025-02-07T15:00:00+07:00");
        List<QaDeadlines.Step> steps = working.steps(RECEIVED, FORWARDED_LATE, 1, answered, at("2025-02-10T08:30:00+07:00"));
        assertEquals(3, steps.size());
        assertEquals(OffsetDateTime.parse("2025-02-10T15:00:00+07:00"), due(steps.get(2)), "Friday's answer: due Monday (weekend skipped)");
        assertFalse(steps.get(2).overdueAt(at("2025-02-20T00:00:00+07:00")), "published Monday 08:30, in time");
        assertTrue(steps.get(1).overdueAt(at("2025-02-20T00:00:00+07:00")), "answered Friday 15:00, after its 09:30 deadline: that step was late");
    }

    @Test
    void calendarDaysCountWeekendsAndHolidays() {
        QaDeadlines calendar = new QaDeadlines(CALENDAR, DayReading.CALENDAR);
        List<QaDeadlines.Step> steps = calendar.steps(RECEIVED, FORWARDED_LATE, 2, null, null);
        assertEquals(OffsetDateTime.parse("2025-01-25T16:55:00+07:00"), due(steps.get(0)), "Saturday 25 January, the first day of Tết");
        assertEquals(OffsetDateTime.parse("2025-02-11T09:30:00+07:00"), due(steps.get(1)), "7 calendar days from Tuesday 4 February");
    }
}
