package vn.cong.workflow.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Working days and office hours of a Vietnamese state agency: Monday to Friday, minus public
 * holidays, plus Saturdays worked in exchange for a bridging day off; office hours in two sessions.
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final Map<LocalDate, String> holidays;
    private final Set<LocalDate> extraWorkingDays;
    private final OfficeHours hours;
    private final Set<LocalDate> provisional;

    public WorkingCalendar(ZoneId zone, Map<LocalDate, String> holidays, Set<LocalDate> extraWorkingDays, OfficeHours hours) {
        this(zone, holidays, extraWorkingDays, hours, Set.of());
    }

    /** @param provisional holidays that follow the law's pattern but wait for the government's yearly notice */
    public WorkingCalendar(ZoneId zone, Map<LocalDate, String> holidays, Set<LocalDate> extraWorkingDays, OfficeHours hours,
                           Set<LocalDate> provisional) {
        this.zone = zone;
        this.holidays = Map.copyOf(holidays);
        this.extraWorkingDays = Set.copyOf(extraWorkingDays);
        this.hours = hours;
        this.provisional = Set.copyOf(provisional);
    }

    /** A calendar from its lines (holidays, provisional or not, and Saturdays worked in exchange). */
    public static WorkingCalendar of(ZoneId zone, java.util.Collection<HolidayEntry> entries) {
        Map<LocalDate, String> holidays = new java.util.HashMap<>();
        Set<LocalDate> provisional = new java.util.HashSet<>();
        Set<LocalDate> working = new java.util.HashSet<>();
        for (HolidayEntry e : entries) {
            for (LocalDate d = e.from(); !d.isAfter(e.to()); d = d.plusDays(1)) {
                if (e.workingDay()) {
                    working.add(d);
                } else {
                    holidays.put(d, e.name());
                    if (e.provisional()) {
                        provisional.add(d);
                    }
                }
            }
        }
        return new WorkingCalendar(zone, holidays, working, OfficeHours.standard(), provisional);
    }

    /** The years the calendar has holidays for: outside them, only weekends are days off. */
    public java.util.SortedSet<Integer> years() {
        return new java.util.TreeSet<>(holidays.keySet().stream().map(LocalDate::getYear).toList());
    }

    /** Provisional holidays from {@code from} on, in date order, with their names. */
    public java.util.SortedMap<LocalDate, String> provisionalFrom(LocalDate from) {
        java.util.SortedMap<LocalDate, String> found = new java.util.TreeMap<>();
        provisional.stream().filter(d -> !d.isBefore(from)).forEach(d -> found.put(d, holidays.get(d)));
        return found;
    }

    /** Two office sessions a day; the defaults are the usual 08:00–12:00 and 13:00–17:00. */
    public record OfficeHours(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart, LocalTime afternoonEnd) {

        public static OfficeHours standard() {
            return new OfficeHours(LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(17, 0));
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public OfficeHours hours() {
        return hours;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (extraWorkingDays.contains(date)) {
            return true;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.containsKey(date);
    }

    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** {@code date} itself if it is a working day, else the next one. */
    public LocalDate thisOrNextWorkingDay(LocalDate date) {
        return isWorkingDay(date) ? date : nextWorkingDay(date);
    }

    public ZonedDateTime endOfWorkingDay(LocalDate date) {
        return date.atTime(hours.afternoonEnd()).atZone(zone);
    }

    /**
     * The same time of day {@code days} working days later. A start outside office hours counts from
     * the next opening (before 08:00: that day's; after 17:00 or on a day off: the next working day's),
     * so the deadline always falls within office hours.
     */
    public ZonedDateTime addWorkingDays(ZonedDateTime start, int days) {
        ZonedDateTime local = start.withZoneSameInstant(zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (!isWorkingDay(day) || !time.isBefore(hours.afternoonEnd())) {
            // a day off, or after the office closed: counted from the next opening
            day = nextWorkingDay(day);
            time = hours.morningStart();
        } else if (time.isBefore(hours.morningStart())) {
            time = hours.morningStart();
        }
        for (int i = 0; i < days; i++) {
            day = nextWorkingDay(day);
        }
        return day.atTime(time).atZone(zone);
    }

    /** Moves forward through office hours only, e.g. "12 working hours after the event". */
    public ZonedDateTime addWorkingHours(ZonedDateTime start, Duration amount) {
        ZonedDateTime t = start.withZoneSameInstant(zone);
        Duration left = amount;
        while (true) {
            LocalDate day = t.toLocalDate();
            if (!isWorkingDay(day)) {
                t = nextWorkingDay(day).atTime(hours.morningStart()).atZone(zone);
                continue;
            }
            LocalTime now = t.toLocalTime();
            LocalTime[][] sessions = {{hours.morningStart(), hours.morningEnd()}, {hours.afternoonStart(), hours.afternoonEnd()}};
            for (LocalTime[] s : sessions) {
                if (now.isBefore(s[1])) {
                    LocalTime from = now.isBefore(s[0]) ? s[0] : now;
                    Duration available = Duration.between(from, s[1]);
                    if (left.compareTo(available) <= 0) {
                        return day.atTime(from).plus(left).atZone(zone);
                    }
                    left = left.minus(available);
                    now = s[1];
                }
            }
            t = nextWorkingDay(day).atTime(hours.morningStart()).atZone(zone);
        }
    }
}
