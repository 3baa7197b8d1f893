package vn.cong.site;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CachedPageTest {

    private static final String HTML = "<html><head><style>\n :root { --primaryColor: #8b1a1a; }\n</style></head>"
            + "<body><h1>Cổng thông tin điện tử</h1></body></html>";

    private static CachedPage page() {
        return CachedPage.of(200, "vi", HTML.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void gzipFormDecompressesToTheSameBytes() throws IOException {
        CachedPage page = page();
        try (var in = new GZIPInputStream(new ByteArrayInputStream(page.gzip()))) {
            assertArrayEquals(page.plain(), in.readAllBytes());
        }
    }

    @Test
    void policyAllowsExactlyTheInlineStylesOfThePage() throws Exception {
        String style = "\n :root { --primaryColor: #8b1a1a; }\n";
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
        String csp = page().contentSecurityPolicy();
        assertTrue(csp.contains("style-src 'self' 'sha256-" + hash + "';"), csp);
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertFalse(CachedPage.policy("<p>no style</p>".getBytes(StandardCharsets.UTF_8)).contains("sha256"));
    }

    @Test
    void policyHashesEveryStyleBlockWhateverTheCharactersAroundAndInsideIt() throws Exception {
        String first = " .a::before { content: 'Tiếng Việt'; } ";
        String second = "";
        String html = "<p>Ủy ban nhân dân «tỉnh»</p><style media=\"print\">" + first + "</style><h1>Đổi mới</h1><style>" + second
                + "</style><p>hết</p><style>không đóng";
        String csp = CachedPage.policy(html.getBytes(StandardCharsets.UTF_8));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String one = Base64.getEncoder().encodeToString(sha.digest(first.getBytes(StandardCharsets.UTF_8)));
        String two = Base64.getEncoder().encodeToString(sha.digest(second.getBytes(StandardCharsets.UTF_8)));
        assertTrue(csp.contains("style-src 'self' 'sha256-" + one + "' 'sha256-" + two + "';"), csp);
    }

    @Test
    void entityTagsDifferBetweenContentsAndRepresentations() {
        CachedPage page = page();
        assertTrue(page.etag().matches("\"[0-9a-f]{24}\""), page.etag());
        assertEquals(page.etag().replace("\"", "").length() + 5, page.gzipEtag().length());
        assertNotEquals(page.etag(), page.gzipEtag());
        assertNotEquals(page.etag(), CachedPage.of(200, "vi", "<p>khác</p>".getBytes(StandardCharsets.UTF_8)).etag());
    }

    @Test
    void pageSurvivesTheTripThroughRedisBytes() {
        CachedPage page = CachedPage.of(404, "en", HTML.getBytes(StandardCharsets.UTF_8));
        CachedPage back = CachedPage.decode(page.encode());
        assertEquals(404, back.status());
        assertEquals("en", back.lang());
        assertEquals(page.etag(), back.etag());
        assertEquals(page.contentSecurityPolicy(), back.contentSecurityPolicy());
        assertArrayEquals(page.plain(), back.plain());
        assertArrayEquals(page.gzip(), back.gzip());
        assertEquals(page.renderedAt(), back.renderedAt(), "the render time travels with the page");
        assertTrue(Math.abs(System.currentTimeMillis() - page.renderedAt()) < 60_000, "rendered now: " + page.renderedAt());
    }

    @Test
    void aPageOfTheFormatBeforeRenderTimesIsAMiss() {
        // format 1 (no render time), as a node of the previous version wrote it to Redis: rendered again, never misread
        byte[] old = page().encode();
        old[0] = 1;
        assertNull(CachedPage.decode(old));
    }

    @Test
    void foreignOrDamagedBytesAreAMissNotAnError() {
        assertNull(CachedPage.decode(new byte[]{9, 9, 9}));
        byte[] truncated = java.util.Arrays.copyOf(page().encode(), 20);
        assertNull(CachedPage.decode(truncated));
        assertNull(CachedPage.decode(new byte[0]));
    }
}
