package vn.cong.admin.articles;

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
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/** Editors write, save and publish articles through the staff UI; contributors draft only. */
@MicronautTest(transactional = false)
class ArticleEditorTest extends PlatformTestSupport {

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
    vn.cong.workflow.SubmitItem submit;
    @Inject
    vn.cong.workflow.TakeForEditing take;
    @Inject
    vn.cong.workflow.SendForApproval send;

    private long sectionId;

    private TwoPortals portals;

    @BeforeAll
    void setUp() throws Exception {
        portals = TwoPortals.onboard(context);
        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        Tenant beta = registry.findByCode("beta").orElseThrow();
        accounts.create(alpha, 1, new AccountDetails("ctv", "ctv@alpha.vn", "Cộng Tác Viên", "Phòng A", "", ""),
                Set.of(Role.CONTRIBUTOR), "CongTac2026!x").block();
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery("SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'")) {
            rs.next();
            sectionId = rs.getLong(1);
        }
    }

    private Browser loggedIn(String host, String user, String password) {
        return portals.loggedIn(host, user, password);
    }

    private Map<String, String> article(String token, String title, String body) {
        Map<String, String> form = new HashMap<>();
        form.put("csrfToken", token);
        form.put("title", title);
        form.put("slug", "");
        form.put("sectionId", String.valueOf(sectionId));
        form.put("language", "vi");
        form.put("summary", "Tóm tắt bài viết.");
        form.put("body", body);
        form.put("version", "0");
        return form;
    }

    /** Creates a draft through the form; returns the edit page path. */
    private String createDraft(Browser b, String title, String body) {
        HttpResponse<String> form = b.get("/quan-tri/bai-viet/moi");
        assertEquals(200, form.statusCode(), form.body());
        HttpResponse<String> created = b.postForm("/quan-tri/bai-viet", article(csrfToken(form), title, body));
        assertEquals(303, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*$", "");
    }

    @Test
    void anArticleUnderApprovalOrApprovedCannotBeChangedSoWhatGoesOnlineIsWhatWasApproved() {
        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        long ctvId = accounts.create(alpha, 1, new AccountDetails("ctv2", "ctv2@alpha.vn", "Cộng Tác Viên Hai", "Phòng A", "", ""),
                Set.of(Role.CONTRIBUTOR), "CongTac2026!y").block().accountId();
        long editorId = accounts.create(alpha, 1, new AccountDetails("bientap2", "bientap2@alpha.vn", "Biên Tập Hai", "Ban biên tập", "", ""),
                Set.of(Role.EDITOR), "BienTap2026!y").block().accountId();
        var ctvActor = new vn.cong.workflow.Actor(ctvId, "Cộng Tác Viên Hai", Set.of(Role.CONTRIBUTOR));
        var editorActor = new vn.cong.workflow.Actor(editorId, "Biên Tập Hai", Set.of(Role.EDITOR));
        Browser ctv = loggedIn(ALPHA, "ctv2", "CongTac2026!y");
        Browser editor = loggedIn(ALPHA, "bientap2", "BienTap2026!y");
        String edit = createDraft(ctv, "Tin đã duyệt không sửa lén", "<p>Bản được duyệt.</p>");
        long id = Long.parseLong(edit.substring(edit.lastIndexOf('/') + 1));
        var submitted = submit.submit(alpha, id, 1, ctvActor, new vn.cong.workflow.Submission("Phòng A", "Cộng Tác Viên Hai", "Chuyên viên",
                "ctv2@alpha.vn", "024 3943 1234", vn.cong.workflow.Sensitivity.ROUTINE.db(), null, false, false, null, null)).block();
        var taken = take.take(alpha, id, submitted.version(), editorActor).block();
        var approved = send.send(alpha, id, taken.version(), editorActor, "").block();
        assertEquals("approved", approved.state(), "a routine item at MOST is approved when the editor sends it on");
        for (Browser who : new Browser[]{ctv, editor}) {
            Map<String, String> change = article(csrfToken(who.get(edit)), "Tin đã duyệt không sửa lén", "<p>Nội dung chưa ai duyệt.</p>");
            change.put("version", String.valueOf(approved.version()));
            HttpResponse<String> refused = who.postForm(edit, change);
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(text(refused).contains(vn.cong.admin.kinds.StaffKinds.UNDER_APPROVAL_REFUSED), text(refused));
        }
        assertTrue(editor.get(edit).body().contains("Bản được duyệt."), "the approved text is still the item's");
        assertFalse(editor.get(edit).body().contains("Nội dung chưa ai duyệt."));

        var shown = Jsoup.parse(editor.get(edit).body());
        assertFalse(shown.select("form fieldset.form-body[disabled]").isEmpty(), "the form is shown read-only, not editable then refused");
        assertTrue(shown.select(".locked-notice").text().contains(vn.cong.admin.kinds.StaffKinds.UNDER_APPROVAL_REFUSED),
                "with the reason");
        assertFalse(shown.select(".locked-notice a[href=/quan-tri/quy-trinh/" + id + "]").isEmpty(), "and the way forward");
    }

    @Test
    void anImageWithoutADescriptionIsRefusedAndTheTypedTextKept() {
        Browser editor = loggedIn(ALPHA, "bientap", "BienTap2026!x");
        HttpResponse<String> form = editor.get("/quan-tri/bai-viet/moi");
        HttpResponse<String> refused = editor.postForm("/quan-tri/bai-viet",
                article(csrfToken(form), "Ảnh không mô tả", "<p>Ảnh hội nghị</p><p><img src=\"/media/hoi-nghi.jpg\"></p>"));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(text(refused).contains("1 ảnh trong nội dung chưa có mô tả"), text(refused));
        assertTrue(refused.body().contains("Ảnh hội nghị"), "what was typed is still there");
    }

    @Test
    void aDraftIsEditableAndCarriesNoLockNotice() {
        Browser editor = loggedIn(ALPHA, "bientap", "BienTap2026!x");
        String edit = createDraft(editor, "Bản nháp còn sửa được", "<p>Nháp.</p>");
        var shown = Jsoup.parse(editor.get(edit).body());
        assertTrue(shown.select("fieldset[disabled]").isEmpty(), shown.select("form").outerHtml());
        assertTrue(shown.select(".locked-notice").isEmpty());
    }

    @Test
    void editorDraftsThenPublishesAndThePublicPageShowsTheSanitisedArticle() {
        Browser editor = loggedIn(ALPHA, "bientap", "BienTap2026!x");
        String edit = createDraft(editor, "Hội thảo chuyển đổi số năm 2026", "<p>Nội dung <strong>chính</strong></p><script>alert(1)</script>");
        Browser reader = new Browser(server.getPort(), ALPHA);
        assertEquals(404, reader.get("/bai-viet/hoi-thao-chuyen-doi-so-nam-2026").statusCode(), "a draft is not public");

        HttpResponse<String> page = editor.get(edit);
        HttpResponse<String> published = editor.postForm(edit + "/dang", Map.of("csrfToken", csrfToken(page)));
        assertEquals(303, published.statusCode(), published.body());

        HttpResponse<String> article = reader.get("/bai-viet/hoi-thao-chuyen-doi-so-nam-2026");
        assertEquals(200, article.statusCode());
        var doc = Jsoup.parse(article.body());
        assertEquals("Hội thảo chuyển đổi số năm 2026", doc.selectFirst("h1").text());
        assertFalse(article.body().contains("alert(1)"), "script stripped by the sanitiser");
        assertTrue(doc.select("strong").text().contains("chính"));
        assertEquals(404, new Browser(server.getPort(), BETA).get("/bai-viet/hoi-thao-chuyen-doi-so-nam-2026").statusCode());
    }

    @Test
    void contributorDraftsButCannotPublish() {
        Browser contributor = loggedIn(ALPHA, "ctv", "CongTac2026!x");
        String edit = createDraft(contributor, "Tin của cộng tác viên", "<p>Bản thảo</p>");
        HttpResponse<String> page = contributor.get(edit);
        assertFalse(page.body().contains("Đăng lên cổng"), "no publish button for a contributor");
        HttpResponse<String> refused = contributor.postForm(edit + "/dang", Map.of("csrfToken", csrfToken(page)));
        assertEquals(403, refused.statusCode());
        assertTrue(text(refused).contains("Chỉ biên tập viên"));
        assertEquals(404, new Browser(server.getPort(), ALPHA).get("/bai-viet/tin-cua-cong-tac-vien").statusCode());
    }

    @Test
    void concurrentEditLosesNothingAndSaysWhatHappened() {
        Browser first = loggedIn(ALPHA, "bientap", "BienTap2026!x");
        Browser second = loggedIn(ALPHA, "bientap", "BienTap2026!x");
        String edit = createDraft(first, "Bài sửa đồng thời", "<p>Gốc</p>");
        HttpResponse<String> a = first.get(edit);
        HttpResponse<String> b = second.get(edit);
        String version = Jsoup.parse(a.body()).selectFirst("input[name=version]").attr("value");

        Map<String, String> formA = article(csrfToken(a), "Bài sửa đồng thời", "<p>Bản của người thứ nhất</p>");
        formA.put("version", version);
        formA.put("slug", "bai-sua-dong-thoi");
        assertEquals(303, first.postForm(edit, formA).statusCode());

        Map<String, String> formB = article(csrfToken(b), "Bài sửa đồng thời", "<p>Bản của người thứ hai</p>");
        formB.put("version", version);
        formB.put("slug", "bai-sua-dong-thoi");
        HttpResponse<String> conflict = second.postForm(edit, formB);
        assertEquals(409, conflict.statusCode());
        assertTrue(text(conflict).contains("vừa được người khác lưu"), text(conflict));
        assertTrue(conflict.body().contains("Bản của người thứ hai"), "the second editor's text is still on the form");
    }

    @Test
    void anotherTenantsEditorCannotSeeOrChangeTheArticle() {
        Browser alphaEditor = loggedIn(ALPHA, "bientap", "BienTap2026!x");
        String edit = createDraft(alphaEditor, "Bài riêng của Alpha", "<p>Riêng</p>");
        Browser betaEditor = loggedIn(BETA, "bientap", "BetaEditor2026!");
        assertEquals(404, betaEditor.get(edit).statusCode());
        HttpResponse<String> list = betaEditor.get("/quan-tri/bai-viet");
        assertEquals(200, list.statusCode());
        assertTrue(text(list).contains("Viện Beta tổng kết chuyển đổi số"), "beta sees its own articles");
        assertFalse(list.body().contains("Bài riêng của Alpha"));
        HttpResponse<String> publish = betaEditor.postForm(edit + "/dang",
                Map.of("csrfToken", csrfToken(betaEditor.get("/quan-tri/bai-viet/moi"))));
        assertEquals(404, publish.statusCode());
        // alpha's own session means nothing on beta's host
        assertEquals(303, alphaEditor.at(BETA).get("/quan-tri/bai-viet").statusCode());
    }

    @Test
    void invalidFormIsShownAgainWithMessagesAndTheTypedText() {
        Browser editor = loggedIn(ALPHA, "bientap", "BienTap2026!x");
        HttpResponse<String> form = editor.get("/quan-tri/bai-viet/moi");
        Map<String, String> bad = article(csrfToken(form), "", "<p>Nội dung đã gõ</p>");
        bad.put("sectionId", "");
        HttpResponse<String> answer = editor.postForm("/quan-tri/bai-viet", bad);
        assertEquals(400, answer.statusCode());
        assertTrue(text(answer).contains("Vui lòng chọn chuyên mục."));
        assertTrue(answer.body().contains("Nội dung đã gõ"));
    }

    @Test
    void postWithoutCsrfTokenIsRefused() {
        Browser editor = loggedIn(ALPHA, "bientap", "BienTap2026!x");
        Map<String, String> form = article("", "Không có mã chống giả mạo", "<p>x</p>");
        assertEquals(403, editor.postForm("/quan-tri/bai-viet", form).statusCode());
    }
}
