package vn.cong.reports.royalties;

import vn.cong.reports.export.Cell;
import vn.cong.reports.export.ReportDocument;
import vn.cong.reports.export.ReportSection;
import vn.cong.reports.export.ReportTable;

import java.util.ArrayList;
import java.util.List;

/** A royalty statement as a report document: by author, by unit, then every work; the page and every export show it. */
public final class RoyaltyDocument {

    private RoyaltyDocument() {
    }

    public static ReportDocument of(RoyaltyStatement s, String tenantName) {
        List<String> notes = new ArrayList<>();
        notes.add("Số tiền mỗi tác phẩm = số đơn vị nhuận bút của thể loại × hệ số chất lượng do Tổng biên tập (Trưởng ban biên tập) quyết định"
                + " × giá trị một đơn vị, làm tròn đến đồng (Điều 7.3 Quy chế 001). Bảng giá được chép vào tác phẩm khi chấm: đổi bảng giá"
                + " không làm thay đổi bảng kê đã chấm.");
        notes.add("Tác phẩm được tính theo thời điểm đăng (giờ Việt Nam). Tác phẩm đã đăng rồi bị gỡ bỏ hoặc lưu trữ vẫn được tính"
                + " (được đăng tải theo Điều 7.3a) và được ghi chú; tin bài chưa đăng hoặc bị từ chối không được tính.");
        if (s.unassessed() > 0) {
            notes.add(s.unassessed() + " tin bài đăng trong kỳ chưa được chấm nhuận bút nên chưa có trong bảng kê.");
        }
        return new ReportDocument("Bảng kê nhuận bút " + s.period().label(), List.of(tenantName,
                "Tổng cộng: " + s.items().size() + " tác phẩm · " + s.totalText()),
                List.of(ReportSection.of("Theo tác giả", payees(s.byAuthor(), "Tác giả", "Đơn vị", s)),
                        ReportSection.of("Theo đơn vị", payees(s.byUnit(), "Đơn vị", "Số tác giả", s)),
                        s.items().isEmpty() ? ReportSection.of("Chi tiết tác phẩm", null, "Không có tác phẩm nào được chấm nhuận bút trong kỳ.")
                                : ReportSection.of("Chi tiết tác phẩm", works(s))),
                notes);
    }

    private static ReportTable payees(List<RoyaltyStatement.Payee> payees, String name, String detail, RoyaltyStatement s) {
        List<List<Cell>> rows = new ArrayList<>();
        for (RoyaltyStatement.Payee p : payees) {
            rows.add(List.of(Cell.text(p.name()), Cell.text(p.detail()), Cell.count(p.works()), units(p.units()), money(p.amountVnd())));
        }
        rows.add(List.of(Cell.text("Tổng cộng"), Cell.text(""), Cell.count(s.items().size()),
                units(s.items().stream().map(RoyaltyStatement::weighted).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)),
                money(s.totalVnd())));
        return new ReportTable(List.of(name, detail, "Số tác phẩm", "Đơn vị nhuận bút × hệ số", "Số tiền (đồng)"), rows);
    }

    private static ReportTable works(RoyaltyStatement s) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Assessment a : s.items()) {
            rows.add(List.of(Cell.text(RoyaltyStatement.author(a)), Cell.text(RoyaltyStatement.unit(a)), Cell.text(a.title()),
                    Cell.text(a.publishedText()), Cell.text(a.genreName()), units(a.units()), units(a.coefficient()), money(a.amountVnd()),
                    Cell.text(a.takenDown() ? a.stateLabel() + " sau khi đăng" : "")));
        }
        return new ReportTable(List.of("Tác giả", "Đơn vị", "Tác phẩm", "Ngày đăng", "Thể loại", "Số đơn vị", "Hệ số chất lượng",
                "Số tiền (đồng)", "Ghi chú"), rows);
    }

    private static Cell units(java.math.BigDecimal value) {
        return Cell.number(Vnd.decimal(value), value.doubleValue());
    }

    private static Cell money(long dong) {
        return Cell.number(Vnd.format(dong), dong);
    }
}
