package vn.cong.reports.produced;

import io.micronaut.core.annotation.Nullable;
import vn.cong.reports.export.ReportDocument;
import vn.cong.system.VietnamTime;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as produced for one period, and where it stands: waiting for the head's sign-off, sent back with a note, or
 * signed off (by whom, when). {@link #document()} is the report as the page and the exports print it, sign-off included.
 */
public record ProducedReport(long id, ReportKind kind, CadencePeriod period, String periodLabel, ReportDocument produced,
                             OffsetDateTime producedAt, int revision, State state, @Nullable String signerName,
                             @Nullable String signerTitle, @Nullable OffsetDateTime signedAt, @Nullable String returnNote) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    /** Where a report stands. */
    public enum State implements vn.cong.system.StoredCode {
        WAITING("Chờ ký duyệt"), RETURNED("Trả lại để sửa"), SIGNED("Đã ký duyệt");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean signed() {
        return state == State.SIGNED;
    }

    public String title() {
        return kind.label() + " — " + periodLabel;
    }

    /** "Trưởng ban biên tập Trần Văn Ký đã ký duyệt lúc 09:30 ngày 15/07/2026", or why it is not signed yet. */
    public String signOffLine() {
        return switch (state) {
            case SIGNED -> "Đã ký duyệt: " + signerTitle + " " + signerName + ", lúc " + at(signedAt) + ".";
            case WAITING -> "CHƯA KÝ DUYỆT: báo cáo lập lúc " + at(producedAt) + ", đang chờ Trưởng ban biên tập ký duyệt.";
            case RETURNED -> "CHƯA KÝ DUYỆT: báo cáo đã bị trả lại để sửa và lập lại.";
        };
    }

    /** The produced document with the sign-off (or its absence) under the title and at the end. */
    public ReportDocument document() {
        List<String> lines = new ArrayList<>(produced.subtitleLines());
        if (lines.stream().noneMatch(l -> l.startsWith("Lập lúc"))) {
            lines.add("Lập lúc " + at(producedAt) + (revision > 1 ? " (lần " + revision + ")" : ""));
        }
        lines.add(signOffLine());
        List<String> notes = new ArrayList<>(produced.notes());
        notes.add(signOffLine());
        return new ReportDocument(produced.title(), lines, produced.sections(), notes);
    }

    public String signedWhen() {
        return at(signedAt);
    }

    public String fileName() {
        return kind.label() + " " + periodLabel.replace('/', '-');
    }

    static String at(@Nullable OffsetDateTime t) {
        return t == null ? "" : TIME.format(t.atZoneSameInstant(VietnamTime.ZONE));
    }
}
