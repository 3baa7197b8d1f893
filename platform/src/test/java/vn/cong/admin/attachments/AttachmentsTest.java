package vn.cong.admin.attachments;

import vn.cong.testing.TwoPortals;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.attachments.Attachment;
import vn.cong.content.attachments.Attachments;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.MultipartPost;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SampleFiles;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/** Staff attach files to items; the type is checked by content; the public downloads them only from public items of the tenant. */
@MicronautTest(transactional = false)
class AttachmentsTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";
    private static final String BETA = "beta.most.localhost";

    @Inject
    EmbeddedServer server;

    @Inject

    ApplicationContext context;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    AccountAdministration accounts;
    @Inject
    Publishing publishing;
    @Inject
    Attachments attachments;

    private Browser editor;
    private Browser contributor;
    private Browser betaEditor;

    @Override
    protected Map<String, String> extraProperties() {
        try {
            return Map.of("cong.media.root", Files.createTempDirectory("cong-attachments").toString(),
                    "cong.media.attachment-max-bytes", "8192", "micronaut.server.multipart.max-file-size", "16384");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        accounts.create(tenant("alpha"), 1, new AccountDetails("ctv", "ctv@alpha.vn", "Cộng Tác Viên", "Phòng A", "", ""),
                Set.of(Role.CONTRIBUTOR), "CongTac2026!x").block();
        editor = loggedIn(ALPHA, "bientap", "BienTap2026!x");
        contributor = loggedIn(ALPHA, "ctv", "CongTac2026!x");
        betaEditor = loggedIn(BETA, "bientap", "BetaEditor2026!");
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private Browser loggedIn(String host, String user, String password) {
        return portals.loggedIn(host, user, password);
    }

    private long draft(String slug) {
        return publishing.saveDraft(tenant("alpha"), Draft.article(null, "vi", slug, "Bài có tệp " + slug, "", "<p>x</p>", null))
                .block().id();
    }

    private HttpResponse<String> upload(Browser b, String host, long itemId, String fileName, byte[] bytes, String caption) {
        String page = "/quan-tri/noi-dung/" + itemId + "/tep-dinh-kem";
        HttpResponse<String> form = b.get(page);
        return MultipartPost.send(server.getPort(), host, b, page, Map.of("csrfToken", csrfToken(form), "caption", caption), fileName, bytes);
    }

    @Test
    void fileWhoseContentIsNotWhatItsNameSaysIsRefusedNamingTheFile() {
        long item = draft("tep-gia-mao");
        HttpResponse<String> refused = upload(editor, ALPHA, item, "Quyết định giả.pdf", SampleFiles.docx(), "Bản giả");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(text(refused).contains("«Quyết định giả.pdf»"), text(refused));
        assertTrue(text(refused).contains("không khớp"), text(refused));
        assertEquals("Bản giả", Jsoup.parse(refused.body()).selectFirst("input[name=caption]").attr("value"), "the caption typed is kept");

        HttpResponse<String> notAFile = upload(editor, ALPHA, item, "van-ban.pdf", "<html>không phải PDF</html>".getBytes(), "");
        assertEquals(400, notAFile.statusCode());
        assertTrue(text(notAFile).contains("«van-ban.pdf»"), text(notAFile));
        assertTrue(attachments.list(tenant("alpha"), item).block().isEmpty());
    }

    @Test
    void pdfThatDoesNotParseIsRefusedWithAVietnameseMessageAndTheCaptionKept() {
        long item = draft("tep-pdf-gia");
        for (byte[] bytes : java.util.List.of(SampleFiles.htmlPolyglotPdf(), SampleFiles.pdfWithHtmlAppended(),
                "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes())) {
            HttpResponse<String> refused = upload(editor, ALPHA, item, "Nghị định.pdf", bytes, "Nghị định mới");
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(text(refused).contains("«Nghị định.pdf» không phải là tệp PDF hợp lệ"), text(refused));
            assertEquals("Nghị định mới", Jsoup.parse(refused.body()).selectFirst("input[name=caption]").attr("value"));
        }
        assertTrue(attachments.list(tenant("alpha"), item).block().isEmpty());
        assertEquals(303, upload(editor, ALPHA, item, "Nghị định.pdf", SampleFiles.pdf(), "Nghị định mới").statusCode());
    }

    @Test
    void realPdfAndDocxAreAcceptedInOrderWithTheirCaptions() {
        long item = draft("tep-that");
        assertEquals(303, upload(editor, ALPHA, item, "Quyết định số 12.pdf", SampleFiles.pdf(), "Toàn văn").statusCode());
        assertEquals(303, upload(editor, ALPHA, item, "Dự thảo.docx", SampleFiles.docx(), "").statusCode());
        assertEquals(303, upload(editor, ALPHA, item, "Bảng số liệu.xls", SampleFiles.xls(), "Số liệu").statusCode());
        List<Attachment> files = attachments.list(tenant("alpha"), item).block();
        assertEquals(List.of("PDF", "DOCX", "XLS"), files.stream().map(Attachment::typeLabel).toList());
        assertEquals(List.of("quyet-dinh-so-12.pdf", "du-thao.docx", "bang-so-lieu.xls"), files.stream().map(Attachment::downloadName).toList());
        assertEquals("Toàn văn", files.get(0).caption());

        HttpResponse<String> page = editor.get("/quan-tri/noi-dung/" + item + "/tep-dinh-kem");
        var moved = editor.postForm("/quan-tri/noi-dung/" + item + "/tep-dinh-kem/" + files.get(2).id() + "/len", Map.of("csrfToken", csrfToken(page)));
        assertEquals(303, moved.statusCode(), moved.body());
        assertEquals(List.of("PDF", "XLS", "DOCX"), attachments.list(tenant("alpha"), item).block().stream().map(Attachment::typeLabel).toList());

        var removed = editor.postForm("/quan-tri/noi-dung/" + item + "/tep-dinh-kem/" + files.get(1).id() + "/xoa", Map.of("csrfToken", csrfToken(page)));
        assertEquals(303, removed.statusCode());
        assertEquals(List.of("PDF", "XLS"), attachments.list(tenant("alpha"), item).block().stream().map(Attachment::typeLabel).toList());
    }

    @Test
    void fileAboveTheConfiguredLimitIsRefused() {
        long item = draft("tep-qua-lon");
        HttpResponse<String> refused = upload(editor, ALPHA, item, "Báo cáo.pdf", SampleFiles.pdfOfSize(8193), "");
        assertEquals(400, refused.statusCode());
        assertTrue(text(refused).contains("quá lớn"), text(refused));
        assertTrue(text(refused).contains("8 KB"), text(refused));
        assertEquals(303, upload(editor, ALPHA, item, "Báo cáo.pdf", SampleFiles.pdfOfSize(8192), "").statusCode());
    }

    @Test
    void fileAboveTheServersOwnLimitGetsAVietnameseAnswer() {
        long item = draft("tep-rat-lon");
        HttpResponse<String> refused = upload(editor, ALPHA, item, "Báo cáo rất lớn.pdf", SampleFiles.pdfOfSize(40_000), "");
        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(text(refused).contains("tối đa 8 KB"), text(refused));
        assertTrue(attachments.list(tenant("alpha"), item).block().isEmpty());
    }

    @Test
    void downloadIsPublicOnlyOnceTheItemIsAndOnlyOnItsTenantsHosts() {
        long item = draft("tep-tai-ve");
        assertEquals(303, upload(editor, ALPHA, item, "Quyết định số 5.pdf", SampleFiles.pdf(), "").statusCode());
        Attachment file = attachments.list(tenant("alpha"), item).block().get(0);
        Browser reader = new Browser(server.getPort(), ALPHA);
        assertEquals(404, reader.getBytes(file.url(), Map.of()).statusCode(), "a draft's files are not public");
        assertEquals(200, editor.getBytes("/quan-tri/tep-dinh-kem/" + file.id(), Map.of()).statusCode(), "staff check a draft's file");

        publishing.publish(tenant("alpha"), item, null).block();
        HttpResponse<byte[]> download = reader.getBytes(file.url(), Map.of());
        assertEquals(200, download.statusCode());
        assertArrayEquals(SampleFiles.pdf(), download.body());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("attachment; filename=\"quyet-dinh-so-5.pdf\"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%205.pdf",
                download.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(download.headers().allValues("Set-Cookie").isEmpty(), "downloads open no session");

        assertEquals(404, new Browser(server.getPort(), BETA).getBytes(file.url(), Map.of()).statusCode(), "beta never serves alpha's files");
        assertEquals(404, reader.getBytes("/tep-dinh-kem/" + file.id() + "/khac.pdf", Map.of()).statusCode(), "only under its own name");
        assertEquals(404, reader.getBytes("/media/" + file.id(), Map.of()).statusCode());
    }

    @Test
    void aPublishedArticleListsItsFilesOnItsPublicPageOnlyOnItsOwnPortal() {
        long item = draft("bai-co-tep-dinh-kem");
        assertEquals(303, upload(editor, ALPHA, item, "Kế hoạch năm 2026.pdf", SampleFiles.pdf(), "Toàn văn kế hoạch").statusCode());
        Attachment file = attachments.list(tenant("alpha"), item).block().get(0);
        publishing.publish(tenant("alpha"), item, null).block();

        var page = org.jsoup.Jsoup.parse(new Browser(server.getPort(), ALPHA).get("/bai-viet/bai-co-tep-dinh-kem").body());
        var link = page.selectFirst("section.attachments a[href=" + file.url() + "]");
        assertNotNull(link, "the article's page links its file:\n" + page.select("main").html());
        assertTrue(page.select("section.attachments").text().contains("Toàn văn kế hoạch"), "with its caption");
        assertEquals(200, new Browser(server.getPort(), ALPHA).getBytes(file.url(), Map.of()).statusCode());
        assertEquals(404, new Browser(server.getPort(), BETA).get("/bai-viet/bai-co-tep-dinh-kem").statusCode(),
                "beta has no such article, and never lists alpha's files");
    }

    @Test
    void anotherTenantsStaffCannotSeeOrChangeTheFilesOfAnItemById() {
        long item = draft("tep-cua-alpha");
        assertEquals(303, upload(editor, ALPHA, item, "Văn bản.pdf", SampleFiles.pdf(), "").statusCode());
        Attachment file = attachments.list(tenant("alpha"), item).block().get(0);
        assertEquals(404, betaEditor.get("/quan-tri/noi-dung/" + item + "/tep-dinh-kem").statusCode());
        HttpResponse<String> betaPage = betaEditor.get("/quan-tri");
        var removed = betaEditor.postForm("/quan-tri/noi-dung/" + item + "/tep-dinh-kem/" + file.id() + "/xoa", Map.of("csrfToken", csrfToken(betaPage)));
        assertEquals(404, removed.statusCode());
        assertEquals(404, betaEditor.getBytes("/quan-tri/tep-dinh-kem/" + file.id(), Map.of()).statusCode());
        assertEquals(1, attachments.list(tenant("alpha"), item).block().size());
    }

    @Test
    void contributorMayNotChangeTheFilesOfAPublishedItem() {
        long item = draft("tep-da-dang");
        publishing.publish(tenant("alpha"), item, null).block();
        HttpResponse<String> refused = upload(contributor, ALPHA, item, "Văn bản.pdf", SampleFiles.pdf(), "");
        assertEquals(403, refused.statusCode());
        assertFalse(attachments.list(tenant("alpha"), item).block().iterator().hasNext());
    }
}
