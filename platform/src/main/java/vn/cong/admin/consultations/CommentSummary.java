package vn.cong.admin.consultations;

import vn.cong.engagement.CommentModeration;
import vn.cong.reports.export.Cell;
import vn.cong.reports.export.ReportDocument;
import vn.cong.reports.export.ReportSection;
import vn.cong.reports.export.ReportTable;
import vn.cong.system.VietnamTime;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary of all comments on a draft (tổng hợp góp ý) for the drafting unit, as a {@link ReportDocument} the
 * shared export writes as DOCX or XLSX (what the public typed neutralised in spreadsheet cells): every confirmed
 * comment, hidden ones with their reason, and the response when one was entered; no e-mail address.
 */
final class CommentSummary {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    static final List<String> HEADINGS = List.of("STT", "Thời điểm gửi", "Họ và tên", "Cơ quan, tổ chức", "Nội dung góp ý", "Tình trạng",
            "Lý do ẩn");

    private CommentSummary() {
    }

    /** The download's name, without extension. */
    static String name(CommentModeration.Detail d) {
        return "tong-hop-gop-y-" + d.draft().slug();
    }

    static ReportDocument of(CommentModeration.Detail d) {
        List<List<Cell>> rows = new ArrayList<>();
        int n = 1;
        for (CommentModeration.Comment c : d.comments()) {
            rows.add(List.of(Cell.number(String.valueOf(n), n), Cell.text(time(c.submittedAt())), Cell.text(c.name()), Cell.text(c.organisation()),
                    Cell.text(c.body()), Cell.text(c.status().label()), Cell.text(c.hiddenReason())));
            n++;
        }
        List<ReportSection> sections = new ArrayList<>();
        sections.add(ReportSection.of("Góp ý", new ReportTable(HEADINGS, rows)));
        if (!d.responseText().isEmpty()) {
            sections.add(new ReportSection("Ý kiến tiếp thu, giải trình của đơn vị soạn thảo", List.of(d.responseText()), null));
        }
        return new ReportDocument("Tổng hợp góp ý dự thảo: " + d.draft().title(), List.of(
                "Thời gian lấy ý kiến: " + time(d.draft().opensAt()) + " – " + time(d.draft().closesAt()) + " (giờ Việt Nam).",
                "Số góp ý: " + d.comments().size() + " (đã duyệt " + d.draft().approved() + ", đã ẩn " + d.draft().hidden()
                        + ", chưa kiểm duyệt " + d.draft().pending() + ")."), sections, List.of());
    }

    private static String time(OffsetDateTime t) {
        return t.atZoneSameInstant(VietnamTime.ZONE).format(TIME);
    }
}
