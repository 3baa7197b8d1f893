package vn.cong.ops.integrity;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicFieldDiffTest {

    @Test
    void longBodyIsShownAroundItsFirstChangeNotFromItsStart() {
        String start = "<p>" + "Đoạn mở đầu dài. ".repeat(40) + "</p>";
        Map<String, Object> published = Map.of("title", "Tiêu đề", "body_html", start + "<p>Số liệu: 120 tỷ đồng.</p>");
        Map<String, Object> now = Map.of("title", "Tiêu đề", "body_html", start + "<p>Số liệu: 980 tỷ đồng.</p>");

        List<FieldChange> changes = PublicFieldDiff.between(published, now);

        assertEquals(1, changes.size());
        FieldChange body = changes.get(0);
        assertEquals("body_html", body.field());
        assertTrue(body.before().startsWith("…") && body.before().contains("120 tỷ"), body.before());
        assertTrue(body.after().contains("980 tỷ"), body.after());
        assertTrue(body.after().length() <= PublicFieldDiff.SHOWN + 2, "cut to a window: " + body.after().length());
    }

    @Test
    void fieldAddedOrRemovedShowsNothingOnTheEmptySide() {
        Map<String, Object> published = new HashMap<>();
        published.put("source", null);
        published.put("section_id", 3);
        List<FieldChange> changes = PublicFieldDiff.between(published, Map.of("source", "Báo ngoài", "section_id", 3));
        assertEquals(List.of(new FieldChange("source", null, "Báo ngoài")), changes);
    }
}
