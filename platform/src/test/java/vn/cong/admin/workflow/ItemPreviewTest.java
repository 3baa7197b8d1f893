package vn.cong.admin.workflow;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;
import vn.cong.workflow.Sensitivity;
import vn.cong.workflow.Staff;
import vn.cong.workflow.SubmitItem;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Approvers see an item as readers will, at any stage, in both languages; compare shows the words readers see. */
@MicronautTest(transactional = false)
class ItemPreviewTest extends PlatformTestSupport {

    private static final String ALPHA = TwoPortals.ALPHA_HOST;
    private static final String BETA = TwoPortals.BETA_HOST;

    @Inject
    ApplicationContext context;
    @Inject
    AccountAdministration accounts;
    @Inject
    Publishing publishing;
    @Inject
    SubmitItem submit;

    private TwoPortals portals;
    private Staff alphaStaff;
    private long section;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        alphaStaff = Staff.create(accounts, portals.alpha());
        Staff.create(accounts, portals.beta());
        section = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
    }

    private Browser as(String host, Role role) {
        return portals.loggedIn(host, Staff.USERNAMES.get(role), Staff.PASSWORD);
    }

    private long submitted(String slug, String body) {
        SavedItem draft = publishing.saveDraft(portals.alpha(), Draft.article(section, "vi", slug, "Hội nghị " + slug,
                "Tóm tắt hội nghị.", body, alphaStaff.get(Role.CONTRIBUTOR).id())).block();
        submit.submit(portals.alpha(), draft.id(), draft.version(), alphaStaff.get(Role.CONTRIBUTOR), Staff.submission(Sensitivity.ROUTINE)).block();
        return draft.id();
    }

    @Test
    void anApproverOpensThePreviewOfASubmittedItemAndSeesItsRenderedText() {
        long id = submitted("tong-ket-nam", "<h2>Kết quả</h2><p>Năm 2026 có <strong>312</strong> nhiệm vụ hoàn thành.</p>");
        Browser approver = as(ALPHA, Role.APPROVER);

        Document item = Jsoup.parse(approver.get("/quan-tri/quy-trinh/" + id).body());
        String link = item.selectFirst("a.preview-vi").attr("href");
        assertEquals("/quan-tri/quy-trinh/" + id + "/xem-truoc?ngonngu=vi", link);

        HttpResponse<String> preview = approver.get(link);
        assertEquals(200, preview.statusCode(), preview.body());
        assertEquals("private, no-store", preview.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(preview.headers().firstValue("X-Robots-Tag").orElse("").contains("noindex"));
        Document page = Jsoup.parse(preview.body());
        assertEquals("Hội nghị tong-ket-nam", page.selectFirst("main h1").text());
        assertEquals("Kết quả", page.selectFirst(".prose h2").text());
        assertEquals("Năm 2026 có 312 nhiệm vụ hoàn thành.", page.selectFirst(".prose p").text());
        assertTrue(page.select(".preview-bar").text().contains("Bản xem trước"), "marked as a preview");
        assertEquals("vi", page.selectFirst("html").attr("lang"));

        Document english = Jsoup.parse(approver.get(item.selectFirst("a.preview-en").attr("href")).body());
        assertEquals("en", english.selectFirst("html").attr("lang"), "the theme's English page");
        assertEquals("Hội nghị tong-ket-nam", english.selectFirst("main h1").text());

        assertEquals(404, portals.browser(ALPHA).get("/bai-viet/tong-ket-nam").statusCode(), "readers do not see it yet");
    }

    @Test
    void anotherTenantsStaffCannotPreviewTheItem() {
        long id = submitted("rieng-alpha", "<p>Nội dung riêng của Alpha.</p>");
        HttpResponse<String> beta = as(BETA, Role.APPROVER).get("/quan-tri/quy-trinh/" + id + "/xem-truoc");
        assertEquals(404, beta.statusCode());
        assertFalse(beta.body().contains("Nội dung riêng của Alpha"));
        HttpResponse<String> anonymous = portals.browser(ALPHA).get("/quan-tri/quy-trinh/" + id + "/xem-truoc");
        assertFalse(anonymous.body().contains("Nội dung riêng của Alpha"), "no preview without logging in: " + anonymous.statusCode());
        HttpResponse<String> alphaSessionOnBeta = as(ALPHA, Role.APPROVER).at(BETA).get("/quan-tri/quy-trinh/" + id + "/xem-truoc");
        assertFalse(alphaSessionOnBeta.body().contains("Nội dung riêng của Alpha"));
    }

    @Test
    void compareShowsTheWordsReadersSeeWithTheSourceAsAnOptionAndTheWorkflowPageNamesTheSameVersions() {
        long id = submitted("so-lieu", "<p>Có 210 đơn vị tham gia.</p><p><img src=\"/media/2026/a.jpg\" alt=\"Ảnh cũ\"></p>");
        int version = (int) SqlProbe.number(this::jdbc, "SELECT version FROM t_alpha.content_items WHERE id = " + id);
        SavedItem edited = publishing.saveDraft(portals.alpha(), new Draft(id, version, "article", section, "vi", "so-lieu", "Hội nghị so-lieu",
                "Tóm tắt hội nghị.", "<p>Có 120 đơn vị tham gia.</p><p><img src=\"/media/2026/a.jpg\" alt=\"Ảnh mới\"></p>", null, null, null,
                false, alphaStaff.get(Role.EDITOR).id())).block();
        Browser editor = as(ALPHA, Role.EDITOR);

        Document item = Jsoup.parse(editor.get("/quan-tri/quy-trinh/" + id).body());
        assertEquals(String.valueOf(edited.version()), item.selectFirst("dd.version").text(), "the latest saved text's number");
        assertTrue(item.select("select#den option").eachText().contains(String.valueOf(edited.version())));

        Document text = Jsoup.parse(editor.get("/quan-tri/quy-trinh/" + id + "/so-sanh?tu=1&den=" + edited.version()).body());
        assertEquals("Phiên bản " + edited.version(), text.select("table.diff th").get(1).text());
        assertEquals("210", text.select("table.diff tr.change del").first().text());
        assertEquals("120", text.select("table.diff tr.change ins").first().text());
        assertTrue(text.select("table.diff").text().contains("[Ảnh: Ảnh"), "a picture by its description: " + text.select("table.diff").text());
        assertTrue(text.select("table.diff tr.change ins").eachText().contains("mới"), text.select("table.diff").html());
        assertFalse(text.select("table.diff").text().contains("<p>"), "no tags in the text view");

        Document source = Jsoup.parse(editor.get("/quan-tri/quy-trinh/" + id + "/so-sanh?tu=1&den=" + edited.version() + "&nguon=1").body());
        assertTrue(source.select("table.diff").text().contains("<p>Có"), source.select("table.diff").text());
    }
}
