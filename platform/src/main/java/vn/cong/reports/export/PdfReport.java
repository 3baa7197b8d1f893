package vn.cong.reports.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * PDF (OpenPDF) with DejaVu Sans embedded from the classpath, so every Vietnamese letter renders on any
 * reader: a title, the lines under it, each section's heading, paragraphs and table (header row repeated
 * on every page, figures right-aligned), then the notes. A4, portrait.
 */
final class PdfReport {

    private final byte[] regular = font("fonts/DejaVuSans.ttf");
    private final byte[] bold = font("fonts/DejaVuSans-Bold.ttf");

    byte[] write(ReportDocument report) {
        Fonts fonts = new Fonts(baseFont("DejaVuSans.ttf", regular), baseFont("DejaVuSans-Bold.ttf", bold));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(report.title());
            document.open();
            Paragraph title = new Paragraph(report.title(), fonts.title);
            title.setAlignment(Element.ALIGN_CENTER);
            document.add(title);
            for (String line : report.subtitleLines()) {
                Paragraph p = new Paragraph(line, fonts.italic);
                p.setAlignment(Element.ALIGN_CENTER);
                document.add(p);
            }
            for (ReportSection section : report.sections()) {
                Paragraph heading = new Paragraph(section.heading(), fonts.heading);
                heading.setSpacingBefore(12);
                heading.setSpacingAfter(4);
                document.add(heading);
                for (String paragraph : section.paragraphs()) {
                    document.add(new Paragraph(paragraph, fonts.body));
                }
                if (section.table() != null) {
                    document.add(table(section.table(), fonts));
                }
            }
            for (String note : report.notes()) {
                Paragraph p = new Paragraph(note, fonts.italic);
                p.setSpacingBefore(6);
                document.add(p);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF export failed: " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private static PdfPTable table(ReportTable table, Fonts fonts) {
        PdfPTable pdf = new PdfPTable(table.headers().size());
        pdf.setWidthPercentage(100);
        pdf.setWidths(relativeWidths(table));
        pdf.setSpacingBefore(4);
        pdf.setHeaderRows(1);
        for (String header : table.headers()) {
            PdfPCell cell = new PdfPCell(new Phrase(header, fonts.tableHeader));
            cell.setGrayFill(0.9f);
            pdf.addCell(cell);
        }
        for (List<Cell> row : table.rows()) {
            for (Cell value : row) {
                PdfPCell cell = new PdfPCell(new Phrase(value.text(), fonts.tableBody));
                if (value.isNumber()) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                pdf.addCell(cell);
            }
        }
        return pdf;
    }

    /** Each column as wide as its longest text (between 4 and 40 characters), so names wrap only when long. */
    private static float[] relativeWidths(ReportTable table) {
        float[] widths = new float[table.headers().size()];
        for (int c = 0; c < widths.length; c++) {
            int longest = table.headers().get(c).length();
            for (List<Cell> row : table.rows()) {
                longest = Math.max(longest, row.get(c).text().length());
            }
            widths[c] = Math.max(4, Math.min(40, longest));
        }
        return widths;
    }

    private static BaseFont baseFont(String name, byte[] ttf) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BaseFont.CACHED, ttf, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfReport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** OpenPDF fonts hold per-document state: made for each document. */
    private static final class Fonts {
        final Font title;
        final Font heading;
        final Font body;
        final Font italic;
        final Font tableHeader;
        final Font tableBody;

        Fonts(BaseFont regular, BaseFont bold) {
            title = new Font(bold, 15);
            heading = new Font(bold, 12);
            body = new Font(regular, 10.5f);
            italic = new Font(regular, 9.5f, Font.ITALIC);
            tableHeader = new Font(bold, 9.5f);
            tableBody = new Font(regular, 9.5f);
        }
    }
}
