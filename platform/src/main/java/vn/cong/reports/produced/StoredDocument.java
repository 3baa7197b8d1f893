package vn.cong.reports.produced;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.cong.reports.export.Cell;
import vn.cong.reports.export.ReportDocument;
import vn.cong.reports.export.ReportSection;
import vn.cong.reports.export.ReportTable;

import java.util.List;

/** A {@link ReportDocument} as a produced report keeps it (JSON in {@code produced_reports.document}), cell by cell. */
@Serdeable
record StoredDocument(String title, List<String> subtitleLines, List<Section> sections, List<String> notes) {

    @Serdeable
    record Section(String heading, List<String> paragraphs, @Nullable List<String> headers, @Nullable List<List<StoredCell>> rows) {
    }

    @Serdeable
    record StoredCell(String text, @Nullable Double number) {
    }

    static StoredDocument of(ReportDocument d) {
        return new StoredDocument(d.title(), d.subtitleLines(), d.sections().stream().map(s -> new Section(s.heading(), s.paragraphs(),
                s.table() == null ? null : s.table().headers(),
                s.table() == null ? null : s.table().rows().stream().map(r -> r.stream().map(c -> new StoredCell(c.text(), c.number())).toList()).toList()))
                .toList(), d.notes());
    }

    /** Serde leaves empty lists out of the JSON: read back, a missing list is an empty one. */
    ReportDocument document() {
        return new ReportDocument(title, orEmpty(subtitleLines), orEmpty(sections).stream().map(s -> new ReportSection(s.heading(),
                orEmpty(s.paragraphs()), s.headers() == null ? null : new ReportTable(s.headers(),
                        orEmpty(s.rows()).stream().map(r -> orEmpty(r).stream().map(c -> new Cell(c.text(), c.number())).toList()).toList())))
                .toList(), orEmpty(notes));
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
