package vn.cong.content;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionDiffTest {

    @Test
    void changedWordsAreMarkedAndUnchangedLinesAreEqual() {
        List<RevisionDiff.Row> rows = RevisionDiff.between(
                new RevisionDiff.Text("Hội thảo chuyển đổi số", "Tóm tắt.", "<p>Có 210 đơn vị tham gia.</p><p>Đoạn giữ nguyên.</p>"),
                new RevisionDiff.Text("Hội thảo chuyển đổi số", "Tóm tắt.", "<p>Có 120 đơn vị tham gia.</p><p>Đoạn giữ nguyên.</p>"));
        assertEquals(List.of("equal", "equal", "change", "equal"), rows.stream().map(RevisionDiff.Row::kind).toList());
        RevisionDiff.Row changed = rows.get(2);
        assertTrue(changed.oldLine().contains("<del>210</del>"), changed.oldLine());
        assertTrue(changed.newLine().contains("<ins>120</ins>"), changed.newLine());
        assertTrue(changed.newLine().startsWith("&lt;p&gt;"), "the HTML source is shown escaped: " + changed.newLine());
    }

    @Test
    void markupInARevisionIsEscapedNeverInserted() {
        List<RevisionDiff.Row> rows = RevisionDiff.between(new RevisionDiff.Text("A", "", "<p>x</p>"),
                new RevisionDiff.Text("A <script>alert(1)</script>", "", "<p>x</p><img src=x onerror=alert(2)>"));
        String all = rows.stream().map(r -> r.oldLine() + r.newLine()).reduce("", String::concat);
        assertFalse(all.contains("<script"), all);
        assertFalse(all.contains("<img"), all);
        assertTrue(all.contains("&lt;script&gt;"), all);
    }
}
