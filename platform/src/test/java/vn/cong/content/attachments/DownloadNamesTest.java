package vn.cong.content.attachments;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Downloads are offered under a safe ASCII name, with the Vietnamese name encoded per RFC 5987. */
class DownloadNamesTest {

    @Test
    void vietnameseNamesBecomeUnaccentedSlugsWithTheRealExtension() {
        assertEquals("quyet-dinh-ban-hanh-quy-che-dang-tai.pdf", DownloadNames.slug("Quyết định ban hành Quy chế đăng tải.PDF", "pdf"));
        assertEquals("du-thao-thong-tu.docx", DownloadNames.slug("Dự thảo Thông tư.docx", "docx"));
    }

    @Test
    void pathsInNamesAreDropped() {
        assertEquals("passwd.pdf", DownloadNames.slug("../../etc/passwd.pdf", "pdf"));
        assertEquals("boot.pdf", DownloadNames.slug("C:\\Windows\\boot.pdf", "pdf"));
        assertEquals("tep-dinh-kem.pdf", DownloadNames.slug("../../", "pdf"));
        assertEquals("tep-dinh-kem.zip", DownloadNames.slug("«»!.zip", "zip"));
    }

    @Test
    void contentDispositionCarriesBothNames() {
        assertEquals("attachment; filename=\"quyet-dinh.pdf\"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh.pdf",
                DownloadNames.contentDisposition("quyet-dinh.pdf", "Quyết định.pdf"));
    }

    @Test
    void quotesAndSeparatorsCannotBreakTheHeader() {
        assertEquals("attachment; filename=\"a.pdf\"; filename*=UTF-8''a%22%3B%20b%3Dc.pdf",
                DownloadNames.contentDisposition("a.pdf", "x/a\"; b=c.pdf"));
    }
}
