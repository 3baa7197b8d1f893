package vn.cong.reports.export;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * DOCX (POI XWPF), the form agencies exchange reports in: a centred title, the lines under it, each
 * section's heading, paragraphs and table (header row bold and repeated on every page, figures
 * right-aligned), then the notes. Times New Roman, the font of administrative documents.
 */
final class DocxReport {

    private static final String FONT = "Times New Roman";

    byte[] write(ReportDocument document) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = docx.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, document.title(), 15, true, false);
            for (String line : document.subtitleLines()) {
                XWPFParagraph p = docx.createParagraph();
                p.setAlignment(ParagraphAlignment.CENTER);
                run(p, line, 12, false, true);
            }
            for (ReportSection section : document.sections()) {
                run(docx.createParagraph(), section.heading(), 13, true, false);
                for (String paragraph : section.paragraphs()) {
                    run(docx.createParagraph(), paragraph, 12, false, false);
                }
                if (section.table() != null) {
                    writeTable(docx, section.table());
                }
            }
            for (String note : document.notes()) {
                run(docx.createParagraph(), note, 11, false, true);
            }
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeTable(XWPFDocument docx, ReportTable table) {
        XWPFTable t = docx.createTable(table.rows().size() + 1, table.headers().size());
        t.setWidth("100%");
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        for (int c = 0; c < table.headers().size(); c++) {
            write(header.getCell(c), table.headers().get(c), true, false);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<Cell> cells = table.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                write(t.getRow(r + 1).getCell(c), cells.get(c).text(), false, cells.get(c).isNumber());
            }
        }
        docx.createParagraph();
    }

    private static void write(XWPFTableCell cell, String text, boolean bold, boolean rightAligned) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        if (rightAligned) {
            p.setAlignment(ParagraphAlignment.RIGHT);
        }
        run(p, text, 11, bold, false);
    }

    private static void run(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text);
    }
}
