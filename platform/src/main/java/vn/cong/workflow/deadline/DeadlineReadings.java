package vn.cong.workflow.deadline;

/**
 * How a tenant reads what its regulation leaves ambiguous; each is a named profile value the tenant sees
 * and may change (seed presets in {@code RegulationPreset}).
 *
 * @param days           "N ngày" where the seed does not say which: working days or calendar days
 * @param hours          "N giờ" where the seed does not say which: clock hours or office hours
 * @param sameDayEnds    "online the same day" (the 12:00 rule): by the office's close or by midnight
 * @param noonStamp      a document stamped at exactly 12:00: counted before noon or after
 */
public record DeadlineReadings(Days days, Hours hours, SameDayEnds sameDayEnds, NoonStamp noonStamp) {

    public enum Days { WORKING, CALENDAR }

    public enum Hours { CLOCK, WORKING }

    public enum SameDayEnds { OFFICE_CLOSE, MIDNIGHT }

    public enum NoonStamp { BEFORE_NOON, AFTER_NOON }

    /** The readings the platform used before they were named: calendar days, clock hours, office close, 12:00 counts after noon. */
    public static DeadlineReadings standard() {
        return new DeadlineReadings(Days.CALENDAR, Hours.CLOCK, SameDayEnds.OFFICE_CLOSE, NoonStamp.AFTER_NOON);
    }
}
