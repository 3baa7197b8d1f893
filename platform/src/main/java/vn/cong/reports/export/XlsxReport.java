package vn.cong.reports.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.cong.system.SpreadsheetText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * XLSX (POI XSSF): a first sheet with the title, the lines under it, each section's text and the notes; then
 * one sheet per table, its header row bold and frozen. Figures are numeric cells formatted with the decimals
 * the report prints; every text cell goes through {@link SpreadsheetText} so a name starting with {@code =}
 * is shown, never evaluated.
 */
final class XlsxReport {

    private static final int MAX_COLUMN_CHARS = 60;

    byte[] write(ReportDocument document) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            writeSummary(workbook.createSheet("Tóm tắt"), document, styles);
            Set<String> names = new HashSet<>(Set.of("tóm tắt"));
            for (ReportSection section : document.sections()) {
                if (section.table() != null) {
                    Sheet sheet = workbook.createSheet(uniqueSheetName(section.heading(), names));
                    writeTable(sheet, section, styles);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeSummary(Sheet sheet, ReportDocument document, Styles styles) {
        int r = 0;
        text(sheet.createRow(r++), 0, document.title(), styles.bold);
        for (String line : document.subtitleLines()) {
            text(sheet.createRow(r++), 0, line, null);
        }
        for (ReportSection section : document.sections()) {
            r++;
            text(sheet.createRow(r++), 0, section.heading(), styles.bold);
            for (String paragraph : section.paragraphs()) {
                text(sheet.createRow(r++), 0, paragraph, null);
            }
        }
        if (!document.notes().isEmpty()) {
            r++;
            for (String note : document.notes()) {
                text(sheet.createRow(r++), 0, note, null);
            }
        }
        sheet.setColumnWidth(0, 100 * 256);
    }

    private void writeTable(Sheet sheet, ReportSection section, Styles styles) {
        ReportTable table = section.table();
        text(sheet.createRow(0), 0, section.heading(), styles.bold);
        Row header = sheet.createRow(1);
        int[] widths = new int[table.headers().size()];
        for (int c = 0; c < widths.length; c++) {
            text(header, c, table.headers().get(c), styles.bold);
            widths[c] = table.headers().get(c).length();
        }
        sheet.createFreezePane(0, 2);
        int r = 2;
        for (List<Cell> cells : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.size(); c++) {
                Cell cell = cells.get(c);
                if (cell.isNumber()) {
                    org.apache.poi.ss.usermodel.Cell numeric = row.createCell(c);
                    numeric.setCellValue(cell.number());
                    numeric.setCellStyle(styles.number(cell.printedDecimals()));
                } else {
                    text(row, c, cell.text(), null);
                }
                widths[c] = Math.max(widths[c], cell.text().length());
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(MAX_COLUMN_CHARS, widths[c] + 2) * 256);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        cell.setCellValue(SpreadsheetText.neutralised(value));
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** A sheet name Excel accepts (≤ 31 characters, no {@code []:*?/\}), distinct from the others ignoring case. */
    private static String uniqueSheetName(String heading, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(heading == null || heading.isBlank() ? "Bảng" : heading.strip());
        String name = base;
        for (int n = 2; taken.contains(name.toLowerCase()); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        taken.add(name.toLowerCase());
        return name;
    }

    /** Cell styles are per workbook and limited in number: made once each. */
    private static final class Styles {
        private final XSSFWorkbook workbook;
        private final CellStyle bold;
        private final Map<Integer, CellStyle> numbers = new HashMap<>();

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            Font font = workbook.createFont();
            font.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(font);
        }

        CellStyle number(int decimals) {
            return numbers.computeIfAbsent(decimals, d -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(d == 0 ? "#,##0" : "#,##0." + "0".repeat(d)));
                return style;
            });
        }
    }
}
