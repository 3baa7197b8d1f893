package vn.cong.content;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the server keeps of an editor's HTML, whatever the browser sent. */
class RichTextTest {

    @Test
    void imagesWithoutATextAlternativeAreCounted() {
        assertEquals(0, RichText.imagesWithoutDescription("<p>Chỉ có chữ.</p>"));
        assertEquals(0, RichText.imagesWithoutDescription("<p><img src=\"/media/a.jpg\" alt=\"Hội nghị tổng kết\"></p>"));
        assertEquals(1, RichText.imagesWithoutDescription("<p><img src=\"/media/a.jpg\"></p>"));
        assertEquals(2, RichText.imagesWithoutDescription("<img src=\"/a.jpg\" alt=\"  \"><img src=\"/b.jpg\" title=\"alt\"><img src=\"/c.jpg\" alt=\"Ảnh\">"));
    }

    @Test
    void decomposedVietnameseFromAnInputMethodIsStoredComposed() {
        String typed = "<p>Khoa ho\u0323c va\u0300 co\u0302ng nghe\u0323\u0302</p>"; // NFD, as some Telex/VNI setups send it
        String kept = RichText.sanitize(typed);
        assertEquals("<p>Khoa học và công nghệ</p>", kept);
    }

    @Test
    void pastedWordMarkupLosesItsStylesClassesAndScripts() {
        String word = "<p class=\"MsoNormal\" style=\"mso-line-height-rule:exactly;color:red\"><span lang=\"VI\" style=\"font-family:Times\">"
                + "Báo cáo</span><o:p></o:p></p><script>alert(1)</script><p onclick=\"x()\">Kết luận</p>";
        String kept = RichText.sanitize(word);
        assertFalse(kept.contains("Mso") || kept.contains("style") || kept.contains("script") || kept.contains("onclick") || kept.contains("o:p"), kept);
        assertTrue(kept.contains("Báo cáo") && kept.contains("Kết luận"), kept);
    }
}
