package vn.cong.reports.accounts;

import vn.cong.reports.export.Cell;
import vn.cong.reports.export.ReportDocument;
import vn.cong.reports.export.ReportSection;
import vn.cong.reports.export.ReportTable;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The account activity and security report as a document: the page shows it, the exports write it. */
public final class AccountActivityDocument {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VietnamTime.ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private AccountActivityDocument() {
    }

    public static ReportDocument of(Tenant tenant, AccountActivity report, OffsetDateTime producedAt) {
        ReportPeriod period = report.period();
        return new ReportDocument("Báo cáo hoạt động tài khoản và giám sát an toàn thông tin",
                List.of(tenant.name("vi"), period.label() + " (từ " + DAY.format(period.start()) + " đến hết "
                        + DAY.format(period.end().minusDays(1)) + ")", "Lập lúc " + TIME.format(producedAt)),
                List.of(figures(report.figures()), failed(report), events(report), dormant(report)),
                List.of("Số liệu đếm từ nhật ký đăng nhập, nhật ký quản trị tài khoản, trạng thái tài khoản, các lần kiểm tra toàn vẹn"
                                + " và sự cố gián đoạn của cổng; không có số liệu nhập tay.",
                        "Báo cáo hằng quý theo Điều 7.2d Quy chế 000; rà soát rủi ro hằng tháng theo Điều 5.1đ Quy chế 001."));
    }

    private static ReportSection figures(AccountActivity.Figures f) {
        List<List<Cell>> rows = new ArrayList<>();
        row(rows, "Đăng nhập thành công", f.logins());
        row(rows, "Số tài khoản đã đăng nhập", f.accountsSignedIn());
        row(rows, "Đăng nhập sai mật khẩu hoặc tên", f.failedLogins());
        row(rows, "Lần đăng nhập bị chặn do thử sai nhiều lần", f.throttledAttempts());
        row(rows, "Tài khoản được tạo", f.accountsCreated());
        row(rows, "Sửa thông tin tài khoản", f.accountsChanged());
        row(rows, "Thay đổi quyền (vai trò)", f.privilegeChanges());
        row(rows, "Tài khoản bị thu hồi", f.revocations());
        row(rows, "Tài khoản được khôi phục", f.reactivations());
        row(rows, "Tài khoản tạm ngừng do không sử dụng", f.turnedDormant());
        row(rows, "Cấp lại mật khẩu, gỡ xác thực hai bước", f.credentialResets());
        row(rows, "Báo mất, lộ thông tin đăng nhập", f.credentialsReported());
        row(rows, "Tài khoản đang tạm ngừng (hiện tại)", f.dormantAtEnd());
        row(rows, "Tài khoản đang hoạt động (hiện tại)", f.activeAtEnd());
        row(rows, "Lần kiểm tra toàn vẹn", f.integrityChecks());
        row(rows, "Phát hiện sai lệch toàn vẹn", f.integrityFindings());
        row(rows, "Sự cố gián đoạn truy cập", f.incidents());
        return ReportSection.of("Số liệu tổng hợp", new ReportTable(List.of("Nội dung", "Số lượng"), rows));
    }

    private static ReportSection failed(AccountActivity report) {
        List<List<Cell>> rows = report.failedByUsername().stream().map(f -> List.of(Cell.text(f.username()),
                Cell.count(f.failed()), Cell.count(f.throttled()), Cell.text(TIME.format(f.last())))).toList();
        return rows.isEmpty()
                ? ReportSection.of("Đăng nhập sai theo tên đăng nhập", null, "Không có lần đăng nhập sai nào trong kỳ.")
                : ReportSection.of("Đăng nhập sai theo tên đăng nhập",
                        new ReportTable(List.of("Tên đăng nhập đã gõ", "Sai", "Bị chặn", "Lần cuối"), rows),
                        "Các tên có nhiều lần sai nhất (tối đa 20); tên không phải tài khoản nào cũng được ghi.");
    }

    private static ReportSection events(AccountActivity report) {
        List<List<Cell>> rows = report.events().stream().map(e -> List.of(Cell.text(TIME.format(e.at())), Cell.text(e.action()),
                Cell.text(e.username()), Cell.text(e.actor()))).toList();
        return rows.isEmpty()
                ? ReportSection.of("Thay đổi tài khoản trong kỳ", null, "Không có thay đổi tài khoản nào trong kỳ.")
                : ReportSection.of("Thay đổi tài khoản trong kỳ",
                        new ReportTable(List.of("Thời điểm", "Sự kiện", "Tài khoản", "Người thực hiện"), rows));
    }

    private static ReportSection dormant(AccountActivity report) {
        List<List<Cell>> rows = report.dormantNow().stream().map(d -> List.of(Cell.text(d.username()), Cell.text(d.fullName()),
                Cell.text(d.lastLogin() == null ? "chưa đăng nhập" : TIME.format(d.lastLogin())))).toList();
        return rows.isEmpty()
                ? ReportSection.of("Tài khoản đang tạm ngừng", null, "Không có tài khoản nào đang tạm ngừng.")
                : ReportSection.of("Tài khoản đang tạm ngừng",
                        new ReportTable(List.of("Tài khoản", "Họ tên", "Đăng nhập lần cuối"), rows));
    }

    private static void row(List<List<Cell>> rows, String label, long value) {
        rows.add(List.of(Cell.text(label), Cell.count(value)));
    }
}
