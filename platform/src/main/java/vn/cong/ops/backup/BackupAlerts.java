package vn.cong.ops.backup;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import vn.cong.ops.OperatorAlerts;

/** Alerts for backups that failed or could not be proven restorable (webhook JSON and e-mail). */
@Singleton
public class BackupAlerts {

    private final OperatorAlerts alerts;

    public BackupAlerts(OperatorAlerts alerts) {
        this.alerts = alerts;
    }

    /** What the webhook receives: event {@code backup.failed} or {@code backup.verification-failed}. */
    @Serdeable
    public record BackupAlert(String event, String tenant, long backup, String detail) {
    }

    void backupFailed(String tenantCode, long runId, String error) {
        alerts.raise(new BackupAlert("backup.failed", tenantCode, runId, error),
                "Sao lưu #" + runId + " của cổng " + tenantCode + " thất bại",
                "Bản sao lưu #" + runId + " của cổng " + tenantCode + " không tạo được.\n\nLỗi: " + error
                        + "\n\nXem trang Sao lưu của bàn điều khiển vận hành và chạy lại khi đã khắc phục.\n");
    }

    void verificationFailed(String tenantCode, long runId, String detail) {
        alerts.raise(new BackupAlert("backup.verification-failed", tenantCode, runId, detail),
                "Bản sao lưu #" + runId + " của cổng " + tenantCode + " không qua kiểm chứng",
                "Khôi phục thử bản sao lưu #" + runId + " của cổng " + tenantCode + " không khớp với bản kê, "
                        + "nên bản này không dùng để khôi phục được.\n\nChi tiết: " + detail + "\n");
    }

    void restoreFailed(String tenantCode, long restoreId, String error) {
        alerts.raise(new BackupAlert("restore.failed", tenantCode, restoreId, error),
                "Khôi phục #" + restoreId + " (cổng " + tenantCode + ") thất bại",
                "Lần khôi phục #" + restoreId + " từ bản sao lưu của cổng " + tenantCode + " không hoàn tất.\n\nLỗi: " + error + "\n");
    }
}
