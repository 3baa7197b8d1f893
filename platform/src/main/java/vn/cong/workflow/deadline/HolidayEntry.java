package vn.cong.workflow.deadline;

import java.time.LocalDate;

/**
 * One line of the holiday calendar: a public holiday over {@code from}–{@code to} (ngày nghỉ lễ, Tết),
 * or, when {@code workingDay}, a Saturday worked in exchange for a bridging day off (ngày làm bù,
 * {@code from} = {@code to}). Provisional entries follow the law's pattern and wait for the
 * government's yearly notice.
 */
public record HolidayEntry(LocalDate from, LocalDate to, String name, boolean provisional, boolean workingDay) {

    public static HolidayEntry holiday(LocalDate from, LocalDate to, String name, boolean provisional) {
        return new HolidayEntry(from, to, name, provisional, false);
    }

    public static HolidayEntry workingDay(LocalDate date, String name) {
        return new HolidayEntry(date, date, name, false, true);
    }

    public int year() {
        return from.getYear();
    }

    /** The days as people read them: {@code 01/01/2028}, or {@code 24/01/2028 - 30/01/2028}. */
    public String days() {
        return HolidayYearCheck.range(this);
    }

    public boolean overlaps(HolidayEntry other) {
        return !from.isAfter(other.to) && !other.from.isAfter(to);
    }
}
