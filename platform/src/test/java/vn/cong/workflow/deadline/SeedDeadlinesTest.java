package vn.cong.workflow.deadline;

import org.junit.jupiter.api.Test;
import vn.cong.workflow.deadline.DeadlineReadings.Days;
import vn.cong.workflow.deadline.DeadlineReadings.Hours;
import vn.cong.workflow.deadline.DeadlineReadings.NoonStamp;
import vn.cong.workflow.deadline.DeadlineReadings.SameDayEnds;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The seed deadlines the issue found wrong, with the expected times written out (Vietnam time, the
 * bundled calendar): each ambiguous reading is a named value, and the working calendar applies.
 */
class SeedDeadlinesTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final WorkingCalendar CALENDAR = HolidayCalendarLoader.bundled();
    /** Hải Phòng's preset readings: "ngày" are working days. */
    private static final DeadlineReadings HAI_PHONG = new DeadlineReadings(Days.WORKING, Hours.CLOCK, SameDayEnds.OFFICE_CLOSE,
            NoonStamp.AFTER_NOON);

    private static ZonedDateTime at(int y, int mo, int d, int h, int mi) {
        return ZonedDateTime.of(y, mo, d, h, mi, 0, 0, VN);
    }

    private static ZonedDateTime due(DeadlinePolicy policy, DeadlineKind kind, ZonedDateTime start, DeadlineReadings readings) {
        return policy.due(kind, start, CALENDAR, readings).orElseThrow();
    }

    @Test
    void haiPhongWithinOneDayIsOneWorkingDayWhenTheEventEndsInOfficeHours() {
        // Monday 23/11/2026, event ends at 09:00: due Tuesday 09:00 (24 hours, not the old 32)
        assertEquals(at(2026, 11, 24, 9, 0), due(DeadlinePolicy.haiPhong(), DeadlineKind.EVENT_NEWS_SUBMISSION, at(2026, 11, 23, 9, 0), HAI_PHONG));
    }

    @Test
    void haiPhongEventEndingAfterOfficeHoursCountsFromTheNextOpening() {
        // Monday 20:00: counted from Tuesday 08:00, due Wednesday 08:00 (the old reading gave Tuesday 17:00, 21 hours)
        assertEquals(at(2026, 11, 25, 8, 0), due(DeadlinePolicy.haiPhong(), DeadlineKind.EVENT_NEWS_SUBMISSION, at(2026, 11, 23, 20, 0), HAI_PHONG));
    }

    @Test
    void haiPhongWithinOneDayNeverFallsOnASaturdayOrAHoliday() {
        // Friday 20/11 10:00 → Monday 23/11 10:00 (the old reading: Saturday 21/11 17:00)
        assertEquals(at(2026, 11, 23, 10, 0), due(DeadlinePolicy.haiPhong(), DeadlineKind.EVENT_NEWS_SUBMISSION, at(2026, 11, 20, 10, 0), HAI_PHONG));
        // Friday 13/02/2026 before Tết (14–22/02) → Monday 23/02 10:00
        assertEquals(at(2026, 2, 23, 10, 0), due(DeadlinePolicy.haiPhong(), DeadlineKind.EVENT_NEWS_SUBMISSION, at(2026, 2, 13, 10, 0), HAI_PHONG));
        // Wednesday 29/04/2026 before 30/04–01/05 (Thursday, Friday) → Monday 04/05
        assertEquals(at(2026, 5, 4, 15, 0), due(DeadlinePolicy.haiPhong(), DeadlineKind.EVENT_NEWS_SUBMISSION, at(2026, 4, 29, 15, 0), HAI_PHONG));
    }

    @Test
    void theCalendarDaysReadingKeepsTheOldAnswerForATenantThatChoosesIt() {
        DeadlineReadings calendar = new DeadlineReadings(Days.CALENDAR, Hours.CLOCK, SameDayEnds.OFFICE_CLOSE, NoonStamp.AFTER_NOON);
        assertEquals(at(2026, 11, 21, 17, 0), due(DeadlinePolicy.haiPhong(), DeadlineKind.EVENT_NEWS_SUBMISSION, at(2026, 11, 20, 10, 0), calendar));
    }

    @Test
    void draftDocumentApprovedAfterOfficeHoursIsDueWithinOfficeHours() {
        // MOST: ≤ 1 working day after the leadership's approval; approved Wednesday 18/11 18:30 → counted from
        // Thursday 08:00 → due Friday 20/11 08:00 (the old rule: Thursday 18:30, after the office closed)
        assertEquals(at(2026, 11, 20, 8, 0), due(DeadlinePolicy.most(), DeadlineKind.DRAFT_LEGAL_DOCUMENT, at(2026, 11, 18, 18, 30),
                DeadlineReadings.standard()));
        // approved before the office opens: counted from 08:00 that day
        assertEquals(at(2026, 11, 19, 8, 0), due(DeadlinePolicy.most(), DeadlineKind.DRAFT_LEGAL_DOCUMENT, at(2026, 11, 18, 6, 45),
                DeadlineReadings.standard()));
    }

    @Test
    void aDocumentStampedAtExactlyNoonFollowsTheTenantsReading() {
        ZonedDateTime noon = at(2026, 11, 18, 12, 0);
        assertEquals(at(2026, 11, 19, 12, 0), due(DeadlinePolicy.most(), DeadlineKind.DOCUMENT_PUBLICATION, noon, DeadlineReadings.standard()));
        DeadlineReadings before = new DeadlineReadings(Days.WORKING, Hours.CLOCK, SameDayEnds.OFFICE_CLOSE, NoonStamp.BEFORE_NOON);
        assertEquals(at(2026, 11, 18, 17, 0), due(DeadlinePolicy.most(), DeadlineKind.DOCUMENT_PUBLICATION, noon, before));
    }

    @Test
    void theSameDayEndsAtMidnightWhenTheTenantReadsItSo() {
        DeadlineReadings midnight = new DeadlineReadings(Days.WORKING, Hours.CLOCK, SameDayEnds.MIDNIGHT, NoonStamp.AFTER_NOON);
        assertEquals(at(2026, 11, 19, 0, 0), due(DeadlinePolicy.most(), DeadlineKind.DOCUMENT_PUBLICATION, at(2026, 11, 18, 10, 0), midnight));
    }

    @Test
    void mostTwelveHoursAreClockHoursUnlessTheTenantReadsWorkingHours() {
        ZonedDateTime eventEnd = at(2026, 11, 18, 20, 0);
        assertEquals(at(2026, 11, 19, 8, 0), due(DeadlinePolicy.most(), DeadlineKind.EVENT_NEWS_SUBMISSION, eventEnd, DeadlineReadings.standard()));
        DeadlineReadings working = new DeadlineReadings(Days.WORKING, Hours.WORKING, SameDayEnds.OFFICE_CLOSE, NoonStamp.AFTER_NOON);
        // 8 working hours on Thursday 19/11, 4 more on Friday morning
        assertEquals(at(2026, 11, 20, 12, 0), due(DeadlinePolicy.most(), DeadlineKind.EVENT_NEWS_SUBMISSION, eventEnd, working));
    }

    @Test
    void mohaTwelveWorkingHoursAreWorkingHoursWhateverTheReading() {
        // the seed says "giờ làm việc" itself: no reading changes it
        assertEquals(at(2026, 11, 20, 12, 0), due(DeadlinePolicy.moha(), DeadlineKind.EVENT_NEWS_SUBMISSION, at(2026, 11, 18, 20, 0),
                DeadlineReadings.standard()));
    }

    @Test
    void binhDinhsRegulationSetsNoDeadline() {
        for (DeadlineKind kind : DeadlineKind.values()) {
            assertEquals(Optional.empty(), DeadlinePolicy.binhDinh().due(kind, at(2026, 11, 18, 9, 0), CALENDAR, HAI_PHONG));
        }
        assertEquals("binh-dinh", DeadlinePolicy.preset("binh-dinh").orElseThrow().name());
    }
}
