package vn.cong.reports.export;

import io.micronaut.http.HttpHeaders;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each export format, read back, shows the report's Vietnamese text and figures. */
class ReportExportsTest {

    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor();
    private final ReportExports exports = new ReportExports(EXECUTOR);

    @AfterAll
    static void stop() {
        EXECUTOR.shutdown();
    }

    private static ReportDocument contributionReport(int extraRows) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.text("Vụ Kế hoạch - Tài chính"), Cell.number("171", 171), Cell.number("28,5", 28.5)));
        rows.add(List.of(Cell.text("=HYPERLINK(\"http://x\",\"bấm\")"), Cell.number("48", 48), Cell.number("8,0", 8.0)));
        rows.add(List.of(Cell.text("Cục Ứng dụng và Phát triển công nghệ"), Cell.number("47", 47), Cell.number("7,83", 7.83)));
        for (int i = 0; i < extraRows; i++) {
            rows.add(List.of(Cell.text("Đơn vị số " + i), Cell.number("0", 0), Cell.number("0", 0)));
        }
        ReportTable units = new ReportTable(List.of("Đơn vị", "Tổng số tin bài", "Trung bình tháng"), rows);
        return new ReportDocument("Báo cáo đóng góp tin bài 6 tháng đầu năm 2018",
                List.of("Bộ Khoa học và Công nghệ", "Từ 01/01/2018 đến 30/06/2018"),
                List.of(ReportSection.of("Tổng hợp", null, "Tổng số 1.257 tin bài, trong đó 695 do đơn vị cung cấp."),
                        ReportSection.of("Theo đơn vị", units, "Đơn vị đạt chỉ tiêu: 18/34.")),
                List.of("Tháng chưa trọn được tính theo tỉ lệ số ngày."));
    }

    @Test
    void xlsxHasASummarySheetAndOneSheetPerTableWithNumericFigures() throws Exception {
        byte[] bytes = exports.export(contributionReport(0), ReportFormat.XLSX, "Báo cáo").block().bytes();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertEquals(2, workbook.getNumberOfSheets());
            XSSFSheet summary = workbook.getSheetAt(0);
            assertEquals("Báo cáo đóng góp tin bài 6 tháng đầu năm 2018", summary.getRow(0).getCell(0).getStringCellValue());
            assertTrue(sheetText(summary).contains("Tổng số 1.257 tin bài, trong đó 695 do đơn vị cung cấp."));
            assertTrue(sheetText(summary).contains("Tháng chưa trọn được tính theo tỉ lệ số ngày."));

            XSSFSheet units = workbook.getSheet("Theo đơn vị");
            assertEquals("Trung bình tháng", units.getRow(1).getCell(2).getStringCellValue());
            assertTrue(units.getRow(1).getCell(2).getCellStyle().getFont().getBold());
            assertEquals("Vụ Kế hoạch - Tài chính", units.getRow(2).getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, units.getRow(2).getCell(1).getCellType());
            assertEquals(171.0, units.getRow(2).getCell(1).getNumericCellValue());
            assertEquals(28.5, units.getRow(2).getCell(2).getNumericCellValue());
            DataFormatter shown = new DataFormatter(Locale.US);
            assertEquals("28.5", shown.formatCellValue(units.getRow(2).getCell(2)));
            assertEquals("8.0", shown.formatCellValue(units.getRow(3).getCell(2)));
            assertEquals("7.83", shown.formatCellValue(units.getRow(4).getCell(2)));
        }
    }

    @Test
    void xlsxShowsFormulaLikeTextAsTextNeverAsAFormula() throws Exception {
        byte[] bytes = exports.write(contributionReport(0), ReportFormat.XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var cell = workbook.getSheet("Theo đơn vị").getRow(3).getCell(0);
            assertEquals(CellType.STRING, cell.getCellType());
            assertEquals("'=HYPERLINK(\"http://x\",\"bấm\")", cell.getStringCellValue());
        }
    }

    @Test
    void docxHasTheTextAndATableWithARepeatedBoldHeaderRow() throws Exception {
        byte[] bytes = exports.write(contributionReport(0), ReportFormat.DOCX);
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes));
             XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            String text = extractor.getText();
            assertTrue(text.contains("Báo cáo đóng góp tin bài 6 tháng đầu năm 2018"));
            assertTrue(text.contains("Từ 01/01/2018 đến 30/06/2018"));
            assertTrue(text.contains("Đơn vị đạt chỉ tiêu: 18/34."));
            XWPFTable table = docx.getTables().get(0);
            assertEquals(4, table.getNumberOfRows());
            assertTrue(table.getRow(0).isRepeatHeader());
            assertTrue(table.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold());
            assertEquals("Cục Ứng dụng và Phát triển công nghệ", table.getRow(3).getCell(0).getText());
            assertEquals("7,83", table.getRow(3).getCell(2).getText());
        }
    }

    @Test
    void pdfTextShowsEveryVietnameseLetterAndTheFiguresWithTheHeaderOnEveryPage() throws Exception {
        byte[] bytes = exports.write(contributionReport(80), ReportFormat.PDF);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertTrue(pdf.getNumberOfPages() >= 2, "80 more rows need a second page");
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Báo cáo đóng góp tin bài 6 tháng đầu năm 2018"));
            assertTrue(text.contains("Cục Ứng dụng và Phát triển công nghệ"));
            assertTrue(text.contains("28,5"));
            assertTrue(text.contains("7,83"));
            assertTrue(text.contains("Tháng chưa trọn được tính theo tỉ lệ số ngày."));
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(pdf.getNumberOfPages());
            lastPage.setEndPage(pdf.getNumberOfPages());
            assertTrue(lastPage.getText(pdf).contains("Trung bình tháng"), "the header row is repeated on the last page");
        }
    }

    @Test
    void aDownloadCarriesTheContentTypeAndTheVietnameseFileName() {
        ReportFile file = exports.export(contributionReport(0), ReportFormat.PDF, "Báo cáo quý 3").block();
        var response = file.download();
        assertEquals("application/pdf", response.getContentType().orElseThrow().toString());
        assertEquals("attachment; filename=\"bao-cao-quy-3.pdf\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%203.pdf",
                response.getHeaders().get(HttpHeaders.CONTENT_DISPOSITION));
        assertFalse(response.getHeaders().get(HttpHeaders.CACHE_CONTROL).isEmpty());
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        try {
            new ReportTable(List.of("Đơn vị", "Tổng"), List.of(List.of(Cell.text("Vụ Pháp chế"))));
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("a short row was accepted");
    }

    private static String sheetText(XSSFSheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('\n')));
        return text.toString();
    }
}
