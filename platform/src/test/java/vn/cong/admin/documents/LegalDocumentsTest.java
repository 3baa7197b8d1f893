package vn.cong.admin.documents;

import vn.cong.testing.TwoPortals;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.content.documents.DocumentFields;
import vn.cong.content.documents.DocumentStatus;
import vn.cong.content.documents.LegalDocuments;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.workflow.Actor;
import vn.cong.workflow.PublishItem;
import vn.cong.workflow.WorkflowRefused;
import vn.cong.testing.Browser;
import vn.cong.testing.MultipartPost;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SampleFiles;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/**
 * Legal documents: editors keep them in the staff area, the public filters them by type, issuer,
 * year and status; a tenant may require a .pdf and a .doc/.docx before one goes online.
 * Gamma holds the filter data set (no other test adds documents there), alpha the staff UI tests.
 */
@MicronautTest(transactional = false)
class LegalDocumentsTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";
    private static final String BETA = "beta.most.localhost";
    private static final String GAMMA = "gamma.most.localhost";
    private static final String MOST = "Bộ Khoa học và Công nghệ";
    private static final String PROVINCE = "Ủy ban nhân dân tỉnh Gamma";

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
    LegalDocuments documents;
    @Inject
    Publishing publishing;
    @Inject
    PublishItem workflowPublish;

    private Browser editor;
    private Browser betaEditor;
    private long replacing;

    @Override
    protected Map<String, String> extraProperties() {
        try {
            return Map.of("cong.media.root", Files.createTempDirectory("cong-documents").toString(), "cong.site.page-size", "3");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        TestTenants.onboard(onboarding, "gamma");
        editor = loggedIn(ALPHA, "bientap", "BienTap2026!x");
        betaEditor = loggedIn(BETA, "bientap", "BetaEditor2026!");

        Tenant gamma = tenant("gamma");
        replacing = publish(gamma, "qd-01", "Quyết định ban hành Quy chế đăng tải", "01/QĐ-BKHCN", "quyet-dinh", MOST,
                LocalDate.of(2025, 3, 1), null, DocumentStatus.VALID, null);
        publish(gamma, "tt-02", "Thông tư hướng dẫn quản lý", "02/2024/TT-BKHCN", "thong-tu", MOST,
                LocalDate.of(2024, 6, 10), null, DocumentStatus.EXPIRED, null);
        publish(gamma, "qd-03", "Quyết định cũ của tỉnh", "03/QĐ-UBND", "quyet-dinh", PROVINCE,
                LocalDate.of(2025, 7, 15), null, DocumentStatus.REPLACED, replacing);
        publish(gamma, "ct-04", "Chỉ thị về chuyển đổi số", "04/CT-UBND", "chi-thi", PROVINCE,
                LocalDate.of(2023, 1, 5), LocalDate.of(2024, 1, 1), DocumentStatus.VALID, null);
        documents.save(gamma, draft("qd-05", "Quyết định chưa đăng", null), fields("05/QĐ-BKHCN", "quyet-dinh", MOST,
                LocalDate.of(2025, 5, 5), null, DocumentStatus.VALID, null), Map.of()).block();
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private Browser loggedIn(String host, String user, String password) {
        return portals.loggedIn(host, user, password);
    }

    private static Draft draft(String slug, String title, Long actor) {
        return new Draft(null, 0, LegalDocuments.KIND, null, "vi", slug, title, "", "<p>Toàn văn " + title + "</p>", null, null, null, false, actor);
    }

    private static DocumentFields fields(String number, String type, String issuer, LocalDate issued, LocalDate expires,
                                         DocumentStatus status, Long replacedBy) {
        return new DocumentFields(number, type, issuer, "Nguyễn Văn A", issued, null, expires, status, replacedBy);
    }

    private long publish(Tenant tenant, String slug, String title, String number, String type, String issuer, LocalDate issued,
                         LocalDate expires, DocumentStatus status, Long replacedBy) {
        long id = documents.save(tenant, draft(slug, title, null), fields(number, type, issuer, issued, expires, status, replacedBy), Map.of())
                .block().id();
        publishing.publish(tenant, id, null).block();
        return id;
    }

    /** The numbers of the documents a public list page shows. */
    private List<String> listed(String host, String path) {
        HttpResponse<String> page = new Browser(server.getPort(), host).get(path);
        assertEquals(200, page.statusCode(), path + "\n" + page.body());
        return Jsoup.parse(page.body()).select(".documents-table tbody th[scope=row] a").eachText();
    }

    @Test
    void listFiltersReturnExactlyTheRightDocuments() {
        assertEquals(List.of("03/QĐ-UBND", "01/QĐ-BKHCN", "02/2024/TT-BKHCN"), listed(GAMMA, "/van-ban"), "three a page, drafts never listed");
        assertEquals(List.of("04/CT-UBND"), listed(GAMMA, "/van-ban?trang=2"));
        assertEquals(List.of("03/QĐ-UBND", "01/QĐ-BKHCN"), listed(GAMMA, "/van-ban?loai=quyet-dinh"));
        assertEquals(List.of("03/QĐ-UBND", "04/CT-UBND"), listed(GAMMA, "/van-ban?co-quan=" + PROVINCE.replace(" ", "%20")));
        assertEquals(List.of("03/QĐ-UBND", "01/QĐ-BKHCN"), listed(GAMMA, "/van-ban?nam=2025"));
        assertEquals(List.of("02/2024/TT-BKHCN", "04/CT-UBND"), listed(GAMMA, "/van-ban?tinh-trang=het-hieu-luc"), "past its expiry date counts as expired");
        assertEquals(List.of("03/QĐ-UBND"), listed(GAMMA, "/van-ban?tinh-trang=bi-thay-the"));
        assertEquals(List.of("01/QĐ-BKHCN"), listed(GAMMA, "/van-ban?loai=quyet-dinh&nam=2025&tinh-trang=con-hieu-luc"));
        assertEquals(List.of(), listed(GAMMA, "/van-ban?loai=chi-thi&nam=2025"));
        assertEquals(404, new Browser(server.getPort(), GAMMA).get("/van-ban?loai=khong-co").statusCode());
        assertEquals(404, new Browser(server.getPort(), GAMMA).get("/van-ban?tinh-trang=bat-ky").statusCode());
        assertEquals(404, new Browser(server.getPort(), GAMMA).get("/van-ban?co-quan=Ai%20do").statusCode());
    }

    @Test
    void listIsPaginatedAndPastTheLastPageIsNotFound() {
        Browser reader = new Browser(server.getPort(), GAMMA);
        Document first = Jsoup.parse(reader.get("/van-ban?co-quan=" + MOST.replace(" ", "%20")).body());
        assertEquals(List.of(), first.select(".pagination a[rel=next]").eachAttr("href"), "two documents: one page");
        Document all = Jsoup.parse(reader.get("/van-ban").body());
        assertEquals("/van-ban?trang=2", all.selectFirst(".pagination a[rel=next]").attr("href"));
        Document expired = Jsoup.parse(reader.get("/van-ban?tinh-trang=het-hieu-luc&nam=2024").body());
        assertEquals(List.of("02/2024/TT-BKHCN"), expired.select(".documents-table tbody th[scope=row] a").eachText());
        assertEquals(404, reader.get("/van-ban?trang=3").statusCode(), "past the last page");
    }

    @Test
    void filterFormOffersWhatTheTenantHasAndKeepsTheSelection() {
        HttpResponse<String> page = new Browser(server.getPort(), GAMMA).get("/van-ban?loai=chi-thi");
        Document doc = Jsoup.parse(page.body());
        assertEquals("chi-thi", doc.selectFirst("select[name=loai] option[selected]").attr("value"));
        assertEquals(List.of("", MOST, PROVINCE), doc.select("select[name=co-quan] option").eachAttr("value"));
        assertEquals(List.of("", "2025", "2024", "2023"), doc.select("select[name=nam] option").eachAttr("value"));
        assertNotNull(doc.selectFirst("label[for=loc-loai]"), "every filter is labelled");
    }

    @Test
    void listPagesAreCachedPerFilterWithoutCookies() {
        Browser reader = new Browser(server.getPort(), GAMMA);
        HttpResponse<String> first = reader.get("/van-ban?nam=2025");
        HttpResponse<String> again = reader.get("/van-ban?nam=2025");
        HttpResponse<String> other = reader.get("/van-ban?nam=2024");
        assertEquals(first.headers().firstValue("ETag"), again.headers().firstValue("ETag"));
        assertFalse(first.headers().firstValue("ETag").equals(other.headers().firstValue("ETag")), "the filter is part of the cache key");
        assertTrue(first.headers().allValues("Set-Cookie").isEmpty());
        assertTrue(first.headers().firstValue("Cache-Control").orElse("").startsWith("public"));
    }

    @Test
    void replacedDocumentLinksToTheOneThatReplacesIt() {
        HttpResponse<String> page = new Browser(server.getPort(), GAMMA).get("/van-ban/qd-03");
        assertEquals(200, page.statusCode());
        Document doc = Jsoup.parse(page.body());
        assertEquals("Bị thay thế", doc.selectFirst(".status-badge").text());
        assertEquals("/van-ban/qd-01", doc.selectFirst(".replaced-by a").attr("href"));
        assertTrue(doc.selectFirst(".facts-table caption") != null, "the metadata table has a caption");
        assertTrue(text(page).contains(PROVINCE));
        assertEquals(200, new Browser(server.getPort(), GAMMA).get("/van-ban/qd-01").statusCode());
        assertEquals(404, new Browser(server.getPort(), GAMMA).get("/van-ban/qd-05").statusCode(), "a draft has no public page");
    }

    @Test
    void aDocumentIsNeverShownOrEditedAsAnArticle() {
        assertEquals(404, new Browser(server.getPort(), GAMMA).get("/bai-viet/qd-01").statusCode());
        Browser gammaAdmin = new Browser(server.getPort(), GAMMA);
        logInOk(gammaAdmin, "quantri", "MatKhauGamma2026!");
        assertEquals(404, gammaAdmin.get("/quan-tri/bai-viet/" + replacing).statusCode(), "the article editor would save it as an article");
        assertTrue(!text(gammaAdmin.get("/quan-tri/bai-viet")).contains("Quyết định ban hành Quy chế đăng tải"));
        assertTrue(text(gammaAdmin.get("/quan-tri/van-ban")).contains("Quyết định ban hành Quy chế đăng tải"));
    }

    @Test
    void editorsSeeHowLongAnExpiredDocumentStaysOnline() {
        Browser gammaAdmin = new Browser(server.getPort(), GAMMA);
        logInOk(gammaAdmin, "quantri", "MatKhauGamma2026!");
        Document list = Jsoup.parse(gammaAdmin.get("/quan-tri/van-ban").body());
        var row = list.select("tbody tr").stream().filter(r -> r.text().contains("04/CT-UBND")).findFirst().orElseThrow();
        assertTrue(row.text().contains("01/01/2025"), "expired 01/01/2024, kept a year by the preset: " + row.text());
        HttpResponse<String> refused = gammaAdmin.postForm("/quan-tri/van-ban/cai-dat",
                Map.of("csrfToken", csrfToken(gammaAdmin.get("/quan-tri/van-ban/cai-dat")), "expiredKeptMonths", "-3"));
        assertEquals(400, refused.statusCode());
        assertEquals("-3", Jsoup.parse(refused.body()).selectFirst("input[name=expiredKeptMonths]").attr("value"));
        assertTrue(text(refused).contains("từ 0 đến 1200 tháng"));
    }

    @Test
    void englishListUsesEnglishLabels() {
        HttpResponse<String> page = new Browser(server.getPort(), GAMMA).get("/en/van-ban");
        assertEquals(200, page.statusCode());
        assertEquals("Legal documents", Jsoup.parse(page.body()).selectFirst("h1").text());
    }

    @Test
    void anotherTenantNeverShowsOrEditsTheseDocuments() {
        assertEquals(List.of(), listed(BETA, "/van-ban"));
        assertEquals(404, new Browser(server.getPort(), BETA).get("/van-ban/qd-01").statusCode());
        HttpResponse<String> refused = betaEditor.get("/quan-tri/van-ban/" + replacing);
        assertEquals(404, refused.statusCode());
        Map<String, String> form = form(csrfToken(betaEditor.get("/quan-tri/van-ban/moi")), "Bị sửa", "99/QĐ");
        form.put("version", "2");
        assertEquals(404, betaEditor.postForm("/quan-tri/van-ban/" + replacing, form).statusCode());
        assertEquals(404, betaEditor.postForm("/quan-tri/van-ban/" + replacing + "/dang", Map.of("csrfToken", form.get("csrfToken"))).statusCode());
        assertEquals("01/QĐ-BKHCN", documents.editable(tenant("gamma"), replacing).block().fields().number());
    }

    static Map<String, String> form(String token, String title, String number) {
        Map<String, String> f = new HashMap<>();
        f.put("csrfToken", token);
        f.put("title", title);
        f.put("slug", "");
        f.put("language", "vi");
        f.put("summary", "");
        f.put("body", "<p>Toàn văn</p>");
        f.put("number", number);
        f.put("typeCode", "quyet-dinh");
        f.put("issuer", "Cục Alpha");
        f.put("signer", "Trần Thị B");
        f.put("issuedOn", "2026-11-20");
        f.put("effectiveOn", "");
        f.put("expiresOn", "");
        f.put("status", "valid");
        f.put("replacedBy", "");
        f.put("version", "0");
        return f;
    }

    @Test
    void staffFormErrorsNameEachFieldAndKeepWhatWasTyped() {
        Map<String, String> f = form(csrfToken(editor.get("/quan-tri/van-ban/moi")), "Quyết định về tổ chức hội nghị", "");
        f.put("issuedOn", "31/02/2026");
        f.put("issuer", "Cục Alpha – Văn phòng");
        HttpResponse<String> refused = editor.postForm("/quan-tri/van-ban", f);
        assertEquals(400, refused.statusCode(), refused.body());
        Document doc = Jsoup.parse(refused.body());
        assertEquals("Số, ký hiệu văn bản không được để trống, ví dụ: 1711/QĐ-BKHCN.", doc.selectFirst("#loi-number").text());
        assertTrue(doc.selectFirst("#loi-issuedOn").text().contains("31/02/2026"));
        assertEquals("Quyết định về tổ chức hội nghị", doc.selectFirst("input[name=title]").attr("value"));
        assertEquals("Cục Alpha – Văn phòng", doc.selectFirst("input[name=issuer]").attr("value"));
        assertEquals("31/02/2026", doc.selectFirst("input[name=issuedOn]").attr("value"));
        assertEquals("quyet-dinh", doc.selectFirst("select[name=typeCode] option[selected]").attr("value"));
        assertEquals("true", doc.selectFirst("input[name=number]").attr("aria-invalid"));
    }

    @Test
    void requiredPdfAndDocBlockPublishingUntilBothAreAttached() {
        HttpResponse<String> settings = editor.get("/quan-tri/van-ban/cai-dat");
        assertEquals(303, editor.postForm("/quan-tri/van-ban/cai-dat", Map.of("csrfToken", csrfToken(settings), "requirePdfAndDoc", "on",
                "expiredKeptMonths", "12")).statusCode());
        try {
            HttpResponse<String> created = editor.postForm("/quan-tri/van-ban",
                    form(csrfToken(editor.get("/quan-tri/van-ban/moi")), "Quyết định cần đủ tệp", "12/QĐ-ALPHA"));
            assertEquals(303, created.statusCode(), created.body());
            String edit = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*$", "");
            long id = Long.parseLong(edit.substring(edit.lastIndexOf('/') + 1));

            HttpResponse<String> refused = editor.postForm(edit + "/dang", Map.of("csrfToken", csrfToken(editor.get(edit))));
            assertEquals(409, refused.statusCode());
            assertTrue(text(refused).contains("còn thiếu tệp .pdf và tệp .doc hoặc .docx"), text(refused));

            attach(id, "Quyết định 12.pdf", SampleFiles.pdf());
            HttpResponse<String> stillRefused = editor.postForm(edit + "/dang", Map.of("csrfToken", csrfToken(editor.get(edit))));
            assertEquals(409, stillRefused.statusCode());
            assertTrue(text(stillRefused).contains("còn thiếu tệp .doc hoặc .docx."), text(stillRefused));
            assertEquals(404, new Browser(server.getPort(), ALPHA).get("/van-ban/quyet-dinh-can-du-tep").statusCode());

            attach(id, "Quyết định 12.docx", SampleFiles.docx());
            assertEquals(303, editor.postForm(edit + "/dang", Map.of("csrfToken", csrfToken(editor.get(edit)))).statusCode());
            HttpResponse<String> page = new Browser(server.getPort(), ALPHA).get("/van-ban/quyet-dinh-can-du-tep");
            assertEquals(200, page.statusCode());
            Document doc = Jsoup.parse(page.body());
            assertEquals(List.of("PDF", "DOCX"), doc.select(".attachments tbody td:nth-of-type(1)").eachText());
            assertTrue(doc.selectFirst(".attachments a").attr("href").endsWith("/quyet-dinh-12.pdf"));
        } finally {
            documents.requirePdfAndDoc(tenant("alpha"), false).block();
        }
    }

    @Test
    void aDocumentsEditPageAndItsWorkflowPageLinkToEachOtherAndToThePublicPage() {
        Tenant alpha = tenant("alpha");
        long id = documents.save(alpha, draft("qd-lien-ket-07", "Quyết định có liên kết", null),
                fields("07/QĐ-ALPHA", "quyet-dinh", MOST, LocalDate.of(2026, 2, 7), null, DocumentStatus.VALID, null), Map.of()).block().id();
        Document edit = Jsoup.parse(editor.get("/quan-tri/van-ban/" + id).body());
        assertNotNull(edit.selectFirst("a[href=/quan-tri/quy-trinh/" + id + "]"), "a document is sent into the workflow from its page");
        publishing.publish(alpha, id, null).block();
        HttpResponse<String> workflow = editor.get("/quan-tri/quy-trinh/" + id);
        assertEquals(200, workflow.statusCode(), workflow.body());
        Document page = Jsoup.parse(workflow.body());
        assertEquals("Sửa nội dung văn bản", page.selectFirst("a[href=/quan-tri/van-ban/" + id + "]").text(), "not the article editor");
        assertTrue(page.select("main a[href^=/quan-tri/bai-viet/]").isEmpty(), "no link to the article editor for a document");
        assertEquals("Xem trên cổng", page.selectFirst("a[href=/van-ban/qd-lien-ket-07]").text());
    }

    @Test
    void theWorkflowsPublishStepAlsoRequiresThePdfAndDoc() {
        Tenant alpha = tenant("alpha");
        documents.requirePdfAndDoc(alpha, true).block();
        try {
            SavedItem saved = documents.save(alpha, draft("qd-quy-trinh-06", "Quyết định qua quy trình", null),
                    fields("06/QĐ-ALPHA", "quyet-dinh", MOST, LocalDate.of(2026, 1, 5), null, DocumentStatus.VALID, null), Map.of()).block();
            long editorId = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.accounts WHERE username = 'bientap'");
            Actor actor = new Actor(editorId, "Biên Tập Viên", Set.of(Role.EDITOR));

            WorkflowRefused refused = assertThrows(WorkflowRefused.class,
                    () -> workflowPublish.publishDirectly(alpha, saved.id(), saved.version(), actor).block());
            assertTrue(refused.getMessage().contains("còn thiếu tệp .pdf và tệp .doc hoặc .docx"), refused.getMessage());
            assertEquals(List.of("draft"), SqlProbe.column(this::jdbc, "SELECT state FROM t_alpha.content_items WHERE id = " + saved.id()));
        } finally {
            documents.requirePdfAndDoc(alpha, false).block();
        }
    }

    @Test
    void withoutTheSettingADocumentPublishesWithoutAttachments() {
        HttpResponse<String> created = editor.postForm("/quan-tri/van-ban",
                form(csrfToken(editor.get("/quan-tri/van-ban/moi")), "Thông báo không cần tệp", "13/TB-ALPHA"));
        String edit = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*$", "");
        assertEquals(303, editor.postForm(edit + "/dang", Map.of("csrfToken", csrfToken(editor.get(edit)))).statusCode());
    }

    private void attach(long id, String name, byte[] bytes) {
        String page = "/quan-tri/noi-dung/" + id + "/tep-dinh-kem";
        HttpResponse<String> answer = MultipartPost.send(server.getPort(), ALPHA, editor, page,
                Map.of("csrfToken", csrfToken(editor.get(page)), "caption", ""), name, bytes);
        assertEquals(303, answer.statusCode(), answer.body());
    }
}
