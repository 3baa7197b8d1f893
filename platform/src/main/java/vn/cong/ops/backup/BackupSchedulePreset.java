package vn.cong.ops.backup;

import java.util.Optional;

/** Named schedules from the regulations: at least twice a week [000 Đ7.2a; 001 Đ5.1b], daily [003 Đ8.1]. */
public enum BackupSchedulePreset {
    TWICE_A_WEEK("0 30 1 * * MON,THU"),
    DAILY("0 30 1 * * *");

    private final String cron;

    BackupSchedulePreset(String cron) {
        this.cron = cron;
    }

    public String cron() {
        return cron;
    }

    /** A preset name ({@code twice-a-week}, {@code daily}) or a cron expression as given. */
    public static String cronFor(String presetOrCron) {
        return byName(presetOrCron).map(BackupSchedulePreset::cron).orElse(presetOrCron);
    }

    /**
     * The schedule of a regulation profile's backup frequency ({@code vn.cong.workflow.ProfileValue#BACKUP_FREQUENCY}):
     * {@code daily} every night, {@code twice-weekly} (and anything unknown) twice a week.
     */
    public static BackupSchedulePreset forFrequency(String frequency) {
        return "daily".equals(frequency) ? DAILY : TWICE_A_WEEK;
    }

    public static Optional<BackupSchedulePreset> byName(String name) {
        for (BackupSchedulePreset p : values()) {
            if (p.name().replace('_', '-').equalsIgnoreCase(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
