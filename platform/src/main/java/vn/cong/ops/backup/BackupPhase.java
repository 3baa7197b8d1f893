package vn.cong.ops.backup;

import vn.cong.system.StoredCode;
import java.util.Arrays;

/** What a backup run is doing right now (column {@code phase}; null when nothing is under way). */
public enum BackupPhase implements StoredCode {
    QUEUED("đang chờ đến lượt"),
    DUMPING("đang xuất dữ liệu (pg_dump)"),
    MEDIA("đang sao chép tệp đa phương tiện"),
    MANIFEST("đang lập bản kê và tổng kiểm"),
    VERIFYING("đang khôi phục thử để kiểm chứng");

    private final String label;

    BackupPhase(String label) {
        this.label = label;
    }

    /** What the console says the run is doing. */
    public String label() {
        return label;
    }

    public static String labelOf(String db) {
        return Arrays.stream(values()).filter(p -> p.db().equals(db)).findFirst().map(BackupPhase::label).orElse(db);
    }
}
