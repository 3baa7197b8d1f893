package vn.cong.reports.contribution;

import vn.cong.reports.contribution.ContributionReport.Count;
import vn.cong.reports.contribution.ContributionReport.UnitLine;
import vn.cong.reports.export.Cell;
import vn.cong.reports.export.ReportDocument;
import vn.cong.reports.export.ReportSection;
import vn.cong.reports.export.ReportTable;

import java.util.ArrayList;
import java.util.List;

/** The contribution report as the shared export model (XLSX, DOCX, PDF), in seed 004's order and wording. */
public final class ContributionDocument {

    private ContributionDocument() {
    }

    public static ReportDocument of(ContributionReport r, String portalName) {
        List<ReportSection> sections = new ArrayList<>();
        sections.add(new ReportSection("1. Số lượng thông tin đăng tải", List.of(
                "Tổng số " + Figures.count(r.total()) + " tin/bài được các đơn vị, cá nhân trong và ngoài cơ quan cung cấp và Ban biên tập tự tìm kiếm, khai thác, trong đó:",
                "- " + Figures.count(r.supplied()) + " tin/bài do các đơn vị, cá nhân cung cấp;",
                "- " + Figures.count(r.found()) + " tin/bài do Ban biên tập tự tìm kiếm, khai thác.",
                "Ban biên tập không duyệt đăng " + Figures.count(r.rejected())
                        + " tin/bài đơn vị gửi; trong thống kê, các tin/bài này vẫn được tính vào số lượng đơn vị cung cấp."), null));
        sections.add(ReportSection.of("Số lượng đăng tải trong các mục", counts("Chuyên mục", r.sections())));
        sections.add(ReportSection.of("Chủ đề tin/bài", counts("Chủ đề", r.topics())));
        if (r.quotaSet()) {
            sections.add(ReportSection.of("2.1. Đơn vị cung cấp đủ số lượng tin/bài theo quy định", units(r.meeting(), r.byGenre()),
                    "Có " + r.meeting().size() + "/" + r.underDuty() + " đơn vị bảo đảm cung cấp đủ số lượng tin/bài theo quy định ("
                            + r.quotaLabel() + ")."));
            if (!r.commended().isEmpty()) {
                sections.add(new ReportSection("Đơn vị đề nghị biểu dương", List.of(r.commended().size()
                        + " đơn vị cung cấp số lượng tin/bài gấp 3 lần chỉ tiêu trở lên: " + r.commendedNames() + "."), null));
            }
            sections.add(ReportSection.of("2.2. Đơn vị không cung cấp đủ số lượng tin/bài theo quy định", units(r.missing(), r.byGenre()),
                    "Có " + r.missing().size() + "/" + r.underDuty() + " đơn vị không cung cấp đủ số lượng tin/bài theo quy định."));
        } else {
            sections.add(ReportSection.of("2. Các đơn vị", units(r.units(), r.byGenre())));
        }
        sections.add(r.outside().isEmpty()
                ? new ReportSection("2.3. Đơn vị không thuộc diện bắt buộc đã chủ động gửi thông tin", List.of("Không có."), null)
                : ReportSection.of("2.3. Đơn vị không thuộc diện bắt buộc đã chủ động gửi thông tin", counts("Đơn vị", r.outside())));
        List<List<Cell>> rejected = r.rejectedItems().stream().map(i -> List.of(Cell.text(i.submittedOn()), Cell.text(i.title()),
                Cell.text(i.unit()), Cell.text(i.reason()))).toList();
        sections.add(rejected.isEmpty()
                ? new ReportSection("3. Tin/bài không được duyệt đăng", List.of("Không có."), null)
                : ReportSection.of("3. Tin/bài không được duyệt đăng", new ReportTable(List.of("Ngày gửi", "Tin/bài", "Đơn vị", "Lý do"), rejected)));
        List<String> notes = new ArrayList<>();
        notes.add("Tin/bài được tính theo thời điểm gửi (giờ Việt Nam); tin/bài chưa qua quy trình gửi được tính theo thời điểm đăng.");
        notes.add("Trung bình tin, bài/tháng = tổng số ÷ " + r.monthsText() + " tháng của kỳ"
                + (r.partialMonths() ? "; tháng không trọn kỳ tính theo tỷ lệ số ngày." : "."));
        notes.add("Số liệu lấy từ dữ liệu tin/bài trên cổng, không nhập tay.");
        return new ReportDocument("Báo cáo tình hình cung cấp thông tin cho " + portalName,
                List.of("(" + r.periodLabel() + ")"), sections, notes);
    }

    private static ReportTable counts(String what, List<Count> counts) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Count c : counts) {
            rows.add(List.of(Cell.text(c.name()), Cell.number(Figures.count(c.items()), c.items())));
        }
        return new ReportTable(List.of(what, "Số tin/bài"), rows);
    }

    /** The units' lines; with a quota by genre, each unit's news and analyses too (what the quota counts). */
    private static ReportTable units(List<UnitLine> lines, boolean byGenre) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            UnitLine u = lines.get(i);
            List<Cell> row = new ArrayList<>(List.of(Cell.number(String.valueOf(i + 1), i + 1), Cell.text(u.name()),
                    Cell.number(Figures.count(u.total()), u.total())));
            if (byGenre) {
                row.add(Cell.number(Figures.count(u.news()), u.news()));
                row.add(Cell.number(Figures.count(u.analyses()), u.analyses()));
            }
            row.add(Cell.number(u.averageText(), u.average().doubleValue()));
            rows.add(row);
        }
        return new ReportTable(byGenre
                ? List.of("TT", "Đơn vị", "Tổng số tin/bài", "Tin hoạt động", "Bài chuyên đề, phân tích", "Trung bình tin, bài/tháng")
                : List.of("TT", "Đơn vị", "Tổng số tin/bài", "Trung bình tin, bài/tháng"), rows);
    }
}
