package vn.cong.media;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.cong.testing.SampleFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfStructureTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(1);
    private final PdfStructure pdfs = new PdfStructure(executor, Duration.ofSeconds(30), 16 * 1024 * 1024);

    @AfterAll
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void realPdfsAreAccepted() throws IOException {
        pdfs.check("trang-trang.pdf", SampleFiles.pdf()).block();
        pdfs.check("van-ban.pdf", pdfWithText("Nghị định số 13/2023/NĐ-CP <html> trong nội dung")).block();
    }

    @Test
    void anHtmlPolyglotIsRefused() {
        for (byte[] polyglot : new byte[][]{SampleFiles.htmlPolyglotPdf(), SampleFiles.pdfWithHtmlAppended()}) {
            UploadRefused refused = assertThrows(UploadRefused.class, () -> pdfs.check("gia.pdf", polyglot).block());
            assertTrue(refused.getMessage().contains("«gia.pdf» không phải là tệp PDF hợp lệ"), refused.getMessage());
        }
    }

    @Test
    void whatDoesNotParseOrHasNoPageIsRefused() {
        for (String bytes : new String[]{"%PDF-1.7\n1 0 obj\n", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
                "%PDF-1.4\n" + "x".repeat(5000)}) {
            UploadRefused refused = assertThrows(UploadRefused.class, () -> pdfs.check("hong.pdf", bytes.getBytes()).block());
            assertTrue(refused.getMessage().contains("không phải là tệp PDF hợp lệ"), refused.getMessage());
        }
    }

    @Test
    void aPdfThatNeedsAPasswordToOpenIsRefused() throws IOException {
        byte[] locked;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("chu-so-huu", "mat-khau-mo", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            locked = out.toByteArray();
        }
        byte[] bytes = locked;
        UploadRefused refused = assertThrows(UploadRefused.class, () -> pdfs.check("khoa.pdf", bytes).block());
        assertTrue(refused.getMessage().contains("mật khẩu"), refused.getMessage());
    }

    /** A page whose (uncompressed-text) content mentions a tag: inside a stream, that is not markup. */
    private static byte[] pdfWithText(String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText(text.replaceAll("[^\\x20-\\x7e]", "?"));
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
