package vn.cong.reports.export;

import java.util.List;

/**
 * A report as every export format writes it: a title, lines under it (agency, period, time produced),
 * sections, and notes at the end (how figures were counted). Built by each report; written by
 * {@link XlsxReport}, {@link DocxReport} and {@link PdfReport}.
 */
public record ReportDocument(String title, List<String> subtitleLines, List<ReportSection> sections, List<String> notes) {

    public ReportDocument {
        subtitleLines = List.copyOf(subtitleLines);
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }
}
