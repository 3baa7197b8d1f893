package vn.cong.reports.export;

import java.util.List;

/** A heading, its paragraphs and at most one table ({@code table} is null for a section of text only). */
public record ReportSection(String heading, List<String> paragraphs, ReportTable table) {

    public ReportSection {
        paragraphs = List.copyOf(paragraphs);
    }

    public static ReportSection of(String heading, ReportTable table, String... paragraphs) {
        return new ReportSection(heading, List.of(paragraphs), table);
    }
}
