package vn.cong.workflow.deadline;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** How a deadline follows from its starting moment (an event, a submission, an approval, an issue time). */
public sealed interface DeadlineRule {

    ZonedDateTime due(ZonedDateTime start, WorkingCalendar calendar);

    /** The rule as the tenant reads it: the seed's ambiguous "days" and "hours" made definite; the rest as they are. */
    default DeadlineRule read(DeadlineReadings readings) {
        return this;
    }

    /** "Within N days" where the seed does not say which days: the tenant's {@link DeadlineReadings#days()} decides. */
    record Days(int days) implements DeadlineRule {
        public ZonedDateTime due(ZonedDateTime start, WorkingCalendar calendar) {
            return read(DeadlineReadings.standard()).due(start, calendar);
        }

        @Override
        public DeadlineRule read(DeadlineReadings readings) {
            return readings.days() == DeadlineReadings.Days.WORKING ? new WorkingDays(days) : new CalendarDays(days);
        }
    }

    /** "Within N hours" where the seed does not say which hours: the tenant's {@link DeadlineReadings#hours()} decides. */
    record Hours(int hours) implements DeadlineRule {
        public ZonedDateTime due(ZonedDateTime start, WorkingCalendar calendar) {
            return read(DeadlineReadings.standard()).due(start, calendar);
        }

        @Override
        public DeadlineRule read(DeadlineReadings readings) {
            return readings.hours() == DeadlineReadings.Hours.WORKING ? new WorkingHours(hours) : new ElapsedHours(hours);
        }
    }

    /** Clock hours, nights and holidays included: "no later than 12 hours after the event". */
    record ElapsedHours(int hours) implements DeadlineRule {
        public ZonedDateTime due(ZonedDateTime start, WorkingCalendar calendar) {
            return start.withZoneSameInstant(calendar.zone()).plusHours(hours);
        }
    }

    /** Office hours only: "within 12 working hours". */
    record WorkingHours(int hours) implements DeadlineRule {
        public ZonedDateTime due(ZonedDateTime start, WorkingCalendar calendar) {
            return calendar.addWorkingHours(start, Duration.ofHours(hours));
        }
    }

    /** "No more than N working days after": the same time of day N working days later. */
    record WorkingDays(int days) implements DeadlineRule {
        public ZonedDateTime due(ZonedDateTime start, WorkingCalendar calendar) {
            return calendar.addWorkingDays(start, days);
        }
    }

    /**
     * The 12:00 rule for documents: issued before the cutoff on a working day → online that day (by the
     * office's close, or by midnight if the tenant reads "the same day" so); issued later, or on a day
     * off → before the cutoff on the next working day. Whether a stamp of exactly 12:00 is before or
     * after noon is the tenant's reading too.
     */
    record NoonCutoff(LocalTime cutoff, DeadlineReadings.SameDayEnds sameDayEnds, DeadlineReadings.NoonStamp atCutoff)
            implements DeadlineRule {

        public NoonCutoff(LocalTime cutoff) {
            this(cutoff, DeadlineReadings.SameDayEnds.OFFICE_CLOSE, DeadlineReadings.NoonStamp.AFTER_NOON);
        }

        @Override
        public DeadlineRule read(DeadlineReadings readings) {
            return new NoonCutoff(cutoff, readings.sameDayEnds(), readings.noonStamp());
        }

        public ZonedDateTime due(ZonedDateTime start, WorkingCalendar calendar) {
            ZonedDateTime local = start.withZoneSameInstant(calendar.zone());
            var day = local.toLocalDate();
            LocalTime time = local.toLocalTime();
            boolean beforeCutoff = time.isBefore(cutoff) || time.equals(cutoff) && atCutoff == DeadlineReadings.NoonStamp.BEFORE_NOON;
            if (calendar.isWorkingDay(day) && beforeCutoff) {
                return sameDayEnds == DeadlineReadings.SameDayEnds.MIDNIGHT
                        ? day.plusDays(1).atStartOfDay(calendar.zone()) : calendar.endOfWorkingDay(day);
            }
            if (!calendar.isWorkingDay(day)) {
                // stamped on a day off: counted as arriving when the office opens
                return calendar.endOfWorkingDay(calendar.nextWorkingDay(day));
            }
            return calendar.nextWorkingDay(day).atTime(cutoff).atZone(calendar.zone());
        }
    }

    /** Monthly reports: within the first week of the following month (by the end of its 7th day). */
    record FirstWeekOfNextMonth() implements DeadlineRule {
        public ZonedDateTime due(ZonedDateTime periodEnd, WorkingCalendar calendar) {
            var local = periodEnd.withZoneSameInstant(calendar.zone()).toLocalDate();
            var firstOfNext = local.withDayOfMonth(1).plusMonths(1);
            return firstOfNext.plusDays(6).atTime(calendar.hours().afternoonEnd()).atZone(calendar.zone());
        }
    }

    /** "Within N days of" (calendar days, ending at the close of office hours). */
    record CalendarDays(int days) implements DeadlineRule {
        public ZonedDateTime due(ZonedDateTime start, WorkingCalendar calendar) {
            var local = start.withZoneSameInstant(calendar.zone()).toLocalDate();
            return local.plusDays(days).atTime(calendar.hours().afternoonEnd()).atZone(calendar.zone());
        }
    }
}
