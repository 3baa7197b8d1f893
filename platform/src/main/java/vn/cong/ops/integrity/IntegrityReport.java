package vn.cong.ops.integrity;

import java.io.PrintStream;

/** The readable form of a run, for the command line. */
final class IntegrityReport {

    private IntegrityReport() {
    }

    static void print(IntegrityRun run, PrintStream out) {
        out.println("Kiểm tra toàn vẹn #" + run.id() + " (" + (run.tenantCode() == null ? "mọi cổng" : "cổng " + run.tenantCode())
                + "), bắt đầu " + run.startedAt() + ", xong " + run.finishedAt());
        out.println("Đã kiểm tra " + run.tenantsChecked() + " cổng, " + run.itemsChecked() + " tin bài đang đăng, "
                + run.eventsChecked() + " sự kiện trong nhật ký quy trình.");
        switch (run.status()) {
            case "clean" -> out.println("KẾT QUẢ: không có thay đổi nào ngoài quy trình.");
            case "failed" -> out.println("KẾT QUẢ: không hoàn tất được kiểm tra: " + run.error());
            default -> {
                out.println("KẾT QUẢ: phát hiện " + run.findingsCount() + " vấn đề.");
                for (IntegrityFinding f : run.findings()) {
                    out.println();
                    out.println("[" + f.tenantCode() + "] " + f.kind().db() + ": " + f.summary());
                    for (FieldChange change : f.changes()) {
                        out.println("    " + change.field() + ":");
                        out.println("      trước: " + quoted(change.before()));
                        out.println("      nay:   " + quoted(change.after()));
                    }
                }
            }
        }
    }

    private static String quoted(String value) {
        return value == null ? "(trống)" : "«" + value + "»";
    }
}
