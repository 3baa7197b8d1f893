package vn.cong.engagement;

import vn.cong.system.StoredCode;

/**
 * How "ngày" in a deadline is read. Seed 003 Đ13.2 says "ngày" without "làm việc", so this is a tenant value:
 * working days by default (weekends and holidays do not count, the Hải Phòng reading Cổng presets), or calendar
 * days. The governance issue's deadline profiles are meant to take this value over.
 */
public enum DayReading implements StoredCode {
    WORKING("Ngày làm việc"),
    CALENDAR("Ngày theo lịch");

    private final String label;

    DayReading(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static DayReading of(String db) {
        return StoredCode.of(DayReading.class, db);
    }
}
