package vn.cong.ops.backup;

import java.util.Arrays;
import java.util.Locale;

/** What a backup run is doing right now (column {@code phase}; null when nothing is under way). */
public enum BackupPhase {
    QUEUED("đang chờ đến lượt"),
    DUMPING("đang xuất dữ liệu (pg_dump)"),
    MEDIA("đang sao chép tệp đa phương tiện"),
    MANIFEST("đang lập bản kê và tổng kiểm"),
    VERIFYING("đang khôi phục thử để kiểm chứng");

    private final String label;

    BackupPhase(String label) {
        this.label = label;
    }

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the console says the run is doing. */
    public String label() {
        return label;
    }

    public static String labelOf(String db) {
        return Arrays.stream(values()).filter(p -> p.db().equals(db)).findFirst().map(BackupPhase::label).orElse(db);
    }
}
