package vn.cong.engagement;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.content.consultations.ConsultationPhase;
import vn.cong.system.SpreadsheetText;
import vn.cong.system.VietnamTime;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Actor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The summary of all comments on a draft (tổng hợp góp ý) for the drafting unit, once its window has closed: a DOCX
 * (a table under a heading) and an XLSX (one row per comment, what the public typed neutralised with
 * {@link SpreadsheetText}). Written with Apache POI on the bounded {@code report-export} executor. Every confirmed
 * comment is in it, hidden ones with their reason; no e-mail address is.
 */
@Singleton
public class CommentSummaries {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final List<String> HEADINGS = List.of("STT", "Thời điểm gửi", "Họ và tên", "Cơ quan, tổ chức", "Nội dung góp ý",
            "Tình trạng", "Lý do ẩn");

    private final CommentModeration moderation;
    private final Scheduler office;

    public CommentSummaries(CommentModeration moderation, @Named("report-export") ExecutorService office) {
        this.moderation = moderation;
        this.office = Schedulers.fromExecutorService(office, "report-export");
    }

    /** A written summary: its file name (without extension) and bytes. */
    public record Summary(String baseName, byte[] bytes) {
    }

    public Mono<Summary> docx(Tenant tenant, long itemId, Actor actor) {
        return detail(tenant, itemId, actor).flatMap(d -> Mono.fromCallable(() -> new Summary(baseName(d), docx(d))).subscribeOn(office));
    }

    public Mono<Summary> xlsx(Tenant tenant, long itemId, Actor actor) {
        return detail(tenant, itemId, actor).flatMap(d -> Mono.fromCallable(() -> new Summary(baseName(d), xlsx(d))).subscribeOn(office));
    }

    private Mono<CommentModeration.Detail> detail(Tenant tenant, long itemId, Actor actor) {
        if (!CommentModeration.mayModerate(actor)) {
            return Mono.error(new CommentRefused("Bạn không có quyền tải bản tổng hợp góp ý.", true));
        }
        return moderation.detail(tenant, itemId, actor).flatMap((Optional<CommentModeration.Detail> found) -> {
            if (found.isEmpty()) {
                return Mono.empty();
            }
            if (found.get().draft().phase() != ConsultationPhase.CLOSED) {
                return Mono.error(new CommentRefused("Bản tổng hợp chỉ có sau khi kết thúc thời gian lấy ý kiến.", false));
            }
            return Mono.just(found.get());
        });
    }

    private static String baseName(CommentModeration.Detail d) {
        return "tong-hop-gop-y-" + d.draft().slug();
    }

    static String time(OffsetDateTime t) {
        return t.atZoneSameInstant(VietnamTime.ZONE).format(TIME);
    }

    private static List<String> cells(int n, CommentModeration.Comment c) {
        return List.of(String.valueOf(n), time(c.submittedAt()), c.name(), c.organisation(), c.body(), c.status().label(), c.hiddenReason());
    }

    private static String heading(CommentModeration.Detail d) {
        return "Tổng hợp góp ý dự thảo: " + d.draft().title();
    }

    private static String window(CommentModeration.Detail d) {
        return "Thời gian lấy ý kiến: " + time(d.draft().opensAt()) + " – " + time(d.draft().closesAt()) + " (giờ Việt Nam). Số góp ý: "
                + d.comments().size() + " (đã duyệt " + d.draft().approved() + ", đã ẩn " + d.draft().hidden() + ", chưa kiểm duyệt "
                + d.draft().pending() + ").";
    }

    static byte[] docx(CommentModeration.Detail d) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFRun title = doc.createParagraph().createRun();
            title.setBold(true);
            title.setFontSize(14);
            title.setText(heading(d));
            doc.createParagraph().createRun().setText(window(d));
            XWPFTable table = doc.createTable(1, HEADINGS.size());
            for (int i = 0; i < HEADINGS.size(); i++) {
                XWPFParagraph p = table.getRow(0).getCell(i).getParagraphs().get(0);
                XWPFRun run = p.createRun();
                run.setBold(true);
                run.setText(HEADINGS.get(i));
            }
            int n = 1;
            for (CommentModeration.Comment c : d.comments()) {
                XWPFTableRow row = table.createRow();
                List<String> cells = cells(n++, c);
                for (int i = 0; i < cells.size(); i++) {
                    lines(row.getCell(i).getParagraphs().get(0), cells.get(i));
                }
            }
            if (!d.responseText().isEmpty()) {
                XWPFRun h = doc.createParagraph().createRun();
                h.setBold(true);
                h.setText("Ý kiến tiếp thu, giải trình của đơn vị soạn thảo");
                lines(doc.createParagraph(), d.responseText());
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** Text with its line breaks kept as breaks in one paragraph. */
    private static void lines(XWPFParagraph p, String text) {
        XWPFRun run = p.createRun();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    static byte[] xlsx(CommentModeration.Detail d) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Góp ý");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);
            sheet.createRow(0).createCell(0).setCellValue(SpreadsheetText.neutralised(heading(d)));
            sheet.createRow(1).createCell(0).setCellValue(window(d));
            Row head = sheet.createRow(3);
            for (int i = 0; i < HEADINGS.size(); i++) {
                head.createCell(i).setCellValue(HEADINGS.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            int n = 1;
            for (CommentModeration.Comment c : d.comments()) {
                Row row = sheet.createRow(3 + n);
                List<String> cells = cells(n++, c);
                row.createCell(0).setCellValue(n - 1);
                for (int i = 1; i < cells.size(); i++) {
                    // what the public typed is never read as a formula
                    row.createCell(i).setCellValue(SpreadsheetText.neutralised(cells.get(i)));
                    row.getCell(i).setCellStyle(wrap);
                }
            }
            sheet.setColumnWidth(1, 18 * 256);
            sheet.setColumnWidth(2, 24 * 256);
            sheet.setColumnWidth(3, 28 * 256);
            sheet.setColumnWidth(4, 80 * 256);
            sheet.setColumnWidth(5, 16 * 256);
            sheet.setColumnWidth(6, 30 * 256);
            book.write(out);
            return out.toByteArray();
        }
    }
}
