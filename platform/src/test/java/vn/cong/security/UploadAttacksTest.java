package vn.cong.security;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.attachments.Attachment;
import vn.cong.content.attachments.Attachments;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.MultipartPost;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SampleFiles;
import vn.cong.testing.TwoPortals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;

/**
 * Attack list cases 9 (a PDF that is also HTML), 10 (compression bomb), 11 ({@code ../} in a file
 * name) and 27 (XML external entities in an Office file), through the staff upload form.
 */
@MicronautTest(transactional = false)
class UploadAttacksTest extends PlatformTestSupport {

    private static final String ALPHA = AttackListTest.ALPHA;

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    TenantRegistry registry;
    @Inject
    Publishing publishing;
    @Inject
    Attachments attachments;

    private final Path media = tempDir();
    private Browser editor;
    /** Where an external entity would be fetched from: counts every request that reaches it. */
    private HttpServer entityHost;
    private final AtomicInteger entityFetches = new AtomicInteger();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.media.root", media.toString());
    }

    @BeforeAll
    void setUp() throws IOException {
        TwoPortals.onboard(context);
        editor = new Browser(server.getPort(), ALPHA);
        logInOk(editor, "bientap", "BienTap2026!x");
        entityHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        entityHost.createContext("/", exchange -> {
            entityFetches.incrementAndGet();
            byte[] answer = "<!ENTITY secret SYSTEM \"file:///etc/passwd\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        entityHost.start();
    }

    @AfterAll
    void stopEntityHost() {
        entityHost.stop(0);
    }

    private Tenant tenant() {
        return registry.findByCode("alpha").orElseThrow();
    }

    private long draft(String slug) {
        return publishing.saveDraft(tenant(), Draft.article(null, "vi", slug, "Bài có tệp " + slug, "", "<p>x</p>", null)).block().id();
    }

    private HttpResponse<String> upload(long item, String fileName, byte[] bytes) {
        String page = "/quan-tri/noi-dung/" + item + "/tep-dinh-kem";
        return MultipartPost.send(server.getPort(), ALPHA, editor, page, Map.of("csrfToken", csrfToken(editor.get(page)), "caption", ""),
                fileName, bytes);
    }

    @Test
    void aPdfHeaderInFrontOfHtmlIsNotAcceptedAsAPdf() {
        long item = draft("pdf-da-hinh");
        byte[] polyglot = ("%PDF-1.7\n<html><body><script>alert(document.domain)</script></body></html>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = upload(item, "Quyết định.pdf", polyglot);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(attachments.list(tenant(), item).block().isEmpty());
    }

    @Test
    void aCompressionBombIsNeverInflatedPastItsBoundAndStoresNothing() throws IOException {
        long item = draft("bom-nen");
        // 64 MB of blanks compress to about 64 KB; the declaration of a Word file comes after them
        String contentTypes = " ".repeat(64 * 1024 * 1024) + "<Types><Override PartName=\"/word/document.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
        byte[] bomb = SampleFiles.zipOf(Map.of("[Content_Types].xml", contentTypes, "word/document.xml", "<document/>"));
        assertTrue(bomb.length < 1024 * 1024, "the bomb itself is small: " + bomb.length);
        long filesBefore = filesUnder(media);
        HttpResponse<String> refused = upload(item, "Báo cáo.docx", bomb);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(attachments.list(tenant(), item).block().isEmpty());
        assertEquals(filesBefore, filesUnder(media), "nothing was stored");
    }

    @Test
    void pathsInAnUploadedFileNameNeverLeaveTheTenantsFolder() throws IOException {
        long item = draft("ten-tep-duong-dan");
        Path outside = media.getParent();
        List<String> names = List.of("../../../../thoat-ra-1.pdf", "..%2f..%2f..%2fthoat-ra-2.pdf", "%2e%2e%2f%2e%2e%2fthoat-ra-3.pdf",
                "..\\..\\..\\thoat-ra-4.pdf", "/etc/thoat-ra-5.pdf");
        for (String name : names) {
            assertEquals(303, upload(item, name, SampleFiles.pdf()).statusCode(), name);
        }
        List<Attachment> stored = attachments.list(tenant(), item).block();
        assertEquals(names.size(), stored.size());
        for (Attachment a : stored) {
            assertFalse(a.url().contains("..") || a.url().contains("%2") || a.url().contains("\\") || a.downloadName().contains("/"), a.url());
            var download = editor.getBytes("/quan-tri/tep-dinh-kem/" + a.id(), Map.of());
            assertEquals(200, download.statusCode(), a.url());
            String disposition = download.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(disposition.startsWith("attachment"), disposition);
            assertTrue(a.downloadName().matches("[a-z0-9]+([.-][a-z0-9]+)*"), a.downloadName());
        }
        for (int i = 1; i <= names.size(); i++) {
            String escaped = "thoat-ra-" + i + ".pdf";
            try (Stream<Path> near = Files.walk(outside, 3)) {
                assertTrue(near.filter(p -> p.getFileName().toString().equals(escaped)).allMatch(p -> p.startsWith(media)),
                        escaped + " was written outside the media folder");
            }
            assertFalse(Files.exists(Path.of("/etc", escaped)));
        }
        try (Stream<Path> files = Files.walk(media)) {
            assertTrue(files.filter(Files::isRegularFile).allMatch(p -> p.startsWith(media.resolve("alpha"))));
        }
    }

    @Test
    void anExternalEntityInAnOfficeFileIsNeverFetched() {
        long item = draft("thuc-the-ngoai");
        String entityUrl = "http://127.0.0.1:" + entityHost.getAddress().getPort() + "/xxe.dtd";
        String contentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE Types [<!ENTITY % remote SYSTEM \"" + entityUrl + "\"> %remote; <!ENTITY ext SYSTEM \"" + entityUrl + "?e\">]>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">&ext;"
                + "<Override PartName=\"/word/document.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
        byte[] docx = SampleFiles.zipOf(Map.of("[Content_Types].xml", contentTypes, "_rels/.rels", "<Relationships/>",
                "word/document.xml", "<!DOCTYPE d [<!ENTITY x SYSTEM \"" + entityUrl + "?d\">]><document>&x;</document>"));
        HttpResponse<String> answer = upload(item, "Tờ trình.docx", docx);
        assertEquals(303, answer.statusCode(), answer.body());
        assertEquals(0, entityFetches.get(), "an external entity was resolved");
    }

    private static long filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("cong-upload-attacks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
