package vn.cong.workflow;

import vn.cong.testing.TwoPortals;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/** The workflow through the staff UI: submission, queues, steps, conflicts, refusals, tenant isolation. */
@MicronautTest(transactional = false)
class WorkflowPagesTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";
    private static final String BETA = "beta.most.localhost";

    @Inject EmbeddedServer server;

    @Inject

    ApplicationContext context;
    @Inject Onboarding onboarding;
    @Inject TenantRegistry registry;
    @Inject AccountAdministration accounts;
    @Inject Publishing publishing;

    private Tenant alpha;
    private Staff alphaStaff;
    private long section;
    private int slugs;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        alpha = registry.findByCode("alpha").orElseThrow();
        alphaStaff = Staff.create(accounts, alpha);
        Staff.create(accounts, registry.findByCode("beta").orElseThrow());
        section = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
    }

    private Browser as(String host, Role role) {
        Browser b = new Browser(server.getPort(), host);
        logInOk(b, Staff.USERNAMES.get(role), Staff.PASSWORD);
        return b;
    }

    private long draft() {
        SavedItem d = Staff.draft(publishing, alpha, section, "tin-trang-" + (++slugs), alphaStaff.get(Role.CONTRIBUTOR));
        return d.id();
    }

    private static String version(HttpResponse<String> page) {
        var doc = Jsoup.parse(page.body());
        var field = doc.selectFirst("form[method=post] input[name=version]");
        return field != null ? field.attr("value") : doc.selectFirst("dl.facts dd.version").attr("data-lock");
    }

    private HttpResponse<String> step(Browser b, long id, String step, Map<String, String> fields) {
        HttpResponse<String> page = b.get("/quan-tri/quy-trinh/" + id);
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrfToken", csrfToken(page));
        form.putIfAbsent("version", version(page));
        return b.postForm("/quan-tri/quy-trinh/" + id + "/buoc/" + step, form);
    }

    private void submitAsContributor(Browser contributor, long id, String sensitivity) {
        HttpResponse<String> form = contributor.get("/quan-tri/quy-trinh/" + id + "/gui");
        assertEquals(200, form.statusCode(), form.body());
        var doc = Jsoup.parse(form.body());
        assertEquals("Phòng contributor", doc.selectFirst("input[name=unit]").attr("value"), "prefilled from the account");
        assertEquals("024 3943 0000", doc.selectFirst("input[name=phone]").attr("value"));
        Map<String, String> fields = new HashMap<>();
        for (String f : new String[]{"unit", "name", "title", "email", "phone", "version"}) {
            fields.put(f, doc.selectFirst("input[name=" + f + "]").attr("value"));
        }
        fields.put("csrfToken", csrfToken(form));
        fields.put("sensitivity", sensitivity);
        fields.put("eventAt", "2026-11-30T08:00");
        fields.put("highlighted", "on");
        HttpResponse<String> sent = contributor.postForm("/quan-tri/quy-trinh/" + id + "/gui", fields);
        assertEquals(303, sent.statusCode(), sent.body());
    }

    @Test
    void contributorSubmitsEditorSendsApproverApprovesEditorPublishesAndTheHistoryShowsEachStep() {
        long id = draft();
        Browser contributor = as(ALPHA, Role.CONTRIBUTOR);
        submitAsContributor(contributor, id, "sensitive");

        Browser editor = as(ALPHA, Role.EDITOR);
        HttpResponse<String> queue = editor.get("/quan-tri/quy-trinh");
        assertTrue(Jsoup.parse(queue.body()).select("#cho-toi ~ div a").text().contains("Tin tin-trang-"), text(queue));
        assertEquals(303, step(editor, id, "nhan", Map.of()).statusCode());
        assertEquals(303, step(editor, id, "trinh", Map.of("comment", "Đã biên tập")).statusCode());

        Browser approver = as(ALPHA, Role.APPROVER);
        assertTrue(approver.get("/quan-tri").body().contains("notification-count"), "the approver sees a notification badge");
        HttpResponse<String> inbox = approver.get("/quan-tri/thong-bao");
        assertEquals(200, inbox.statusCode(), inbox.body());
        assertTrue(text(inbox).contains("Tin bài chờ bạn duyệt (Thành viên Ban biên tập phụ trách lĩnh vực)"), text(inbox));
        assertEquals(303, approver.postForm("/quan-tri/thong-bao/da-doc", Map.of("csrfToken", csrfToken(inbox))).statusCode());
        assertFalse(approver.get("/quan-tri").body().contains("notification-count"), "no badge once read");
        HttpResponse<String> waiting = approver.get("/quan-tri/quy-trinh/" + id);
        assertTrue(text(waiting).contains("Thành viên Ban biên tập phụ trách lĩnh vực"), text(waiting));
        assertEquals(303, step(approver, id, "duyet", Map.of("comment", "Đồng ý đăng")).statusCode());
        assertEquals(303, step(editor, id, "dang", Map.of("publishAt", "")).statusCode());

        HttpResponse<String> page = editor.get("/quan-tri/quy-trinh/" + id);
        String shown = text(page);
        assertTrue(shown.contains("Đã đăng"), shown);
        for (String s : new String[]{"Gửi tin bài", "Nhận biên tập", "Trình duyệt", "Duyệt", "Đồng ý đăng", "Đăng lên cổng", "Phòng contributor"}) {
            assertTrue(shown.contains(s), s + " missing in: " + shown);
        }
        assertTrue(shown.contains("Hạn biên tập, đăng tải (sự kiện nổi bật, tính từ khi nhận)"), "the deadline is shown: " + shown);
        assertTrue(shown.contains("Hạn theo thời điểm sự kiện: 20:00 ngày 30/11/2026"), "12 h after the event at MOST: " + shown);
        assertEquals(200, new Browser(server.getPort(), ALPHA).get("/bai-viet/tin-trang-" + slugs).statusCode());
    }

    @Test
    void deadlineBoardAndDashboardShowWhatIsWaiting() {
        long id = draft();
        submitAsContributor(as(ALPHA, Role.CONTRIBUTOR), id, "routine");
        Browser editor = as(ALPHA, Role.EDITOR);
        HttpResponse<String> board = editor.get("/quan-tri/quy-trinh/theo-doi");
        assertEquals(200, board.statusCode(), board.body());
        var doc = Jsoup.parse(board.body());
        assertTrue(doc.select("table.by-unit th").text().contains("Phòng contributor"), doc.select("table.by-unit").text());
        assertTrue(doc.select("table.by-stage th").text().contains("Đã gửi, chờ tiếp nhận"), doc.select("table.by-stage").text());
        HttpResponse<String> dashboard = editor.get("/quan-tri");
        assertTrue(Integer.parseInt(Jsoup.parse(dashboard.body()).selectFirst(".waiting-count").text()) >= 1, text(dashboard));
    }

    @Test
    void editorComparesTwoRevisionsSideBySide() {
        long id = draft();
        var item = publishing.saveDraft(alpha, new vn.cong.content.Draft(id, 1, "article", section, "vi", "tin-trang-" + slugs,
                "Tin tin-trang-" + slugs, "Tóm tắt.", "<p>Nội dung đã sửa lần hai.</p>", null, null, null, false,
                alphaStaff.get(Role.EDITOR).id())).block();
        HttpResponse<String> page = as(ALPHA, Role.EDITOR).get("/quan-tri/quy-trinh/" + id + "/so-sanh?tu=1&den=" + item.version());
        assertEquals(200, page.statusCode(), page.body());
        var doc = Jsoup.parse(page.body());
        assertTrue(doc.select("table.diff tr.change del").text().contains("tin-trang-"), doc.select("table.diff").html());
        assertTrue(doc.select("table.diff tr.change ins").text().contains("sửa lần hai"), doc.select("table.diff").html());
        assertEquals(404, as(BETA, Role.EDITOR).get("/quan-tri/quy-trinh/" + id + "/so-sanh?tu=1&den=2").statusCode());
    }

    @Test
    void policiesAreShownAsDataAndOnlyTheTenantAdminChoosesOne() {
        Browser editor = as(ALPHA, Role.EDITOR);
        HttpResponse<String> shown = editor.get("/quan-tri/quy-trinh/chinh-sach");
        assertEquals(200, shown.statusCode(), shown.body());
        var doc = Jsoup.parse(shown.body());
        assertTrue(doc.select("section.policy.current h2").text().contains("Ban biên tập (Bộ KH&CN)"), doc.select("section.policy").text());
        assertTrue(doc.text().contains("Duyệt cấp 3: Trưởng Ban Biên tập"), "Hải Phòng's levels are listed");
        HttpResponse<String> refused = editor.postForm("/quan-tri/quy-trinh/chinh-sach", Map.of("csrfToken", csrfToken(shown), "policy", "haiphong"));
        assertEquals(403, refused.statusCode());

        Browser admin = new Browser(server.getPort(), ALPHA);
        logInOk(admin, "quantri", "MatKhauAlpha2026!");
        try {
            HttpResponse<String> page = admin.get("/quan-tri/quy-trinh/chinh-sach");
            assertEquals(303, admin.postForm("/quan-tri/quy-trinh/chinh-sach", Map.of("csrfToken", csrfToken(page), "policy", "haiphong")).statusCode());
            assertTrue(Jsoup.parse(admin.get("/quan-tri/quy-trinh/chinh-sach").body()).select("section.policy.current h2").text()
                    .contains("Hải Phòng"));
            HttpResponse<String> unknown = admin.postForm("/quan-tri/quy-trinh/chinh-sach", Map.of("csrfToken", csrfToken(page), "policy", "hanoi"));
            assertEquals(400, unknown.statusCode());
            assertTrue(text(unknown).contains("Không có quy trình duyệt mã «hanoi»"), text(unknown));
        } finally {
            HttpResponse<String> page = admin.get("/quan-tri/quy-trinh/chinh-sach");
            admin.postForm("/quan-tri/quy-trinh/chinh-sach", Map.of("csrfToken", csrfToken(page), "policy", "most"));
        }
    }

    @Test
    void incompleteSubmissionIsShownAgainWithMessagesAndWhatWasTyped() {
        long id = draft();
        Browser contributor = as(ALPHA, Role.CONTRIBUTOR);
        HttpResponse<String> form = contributor.get("/quan-tri/quy-trinh/" + id + "/gui");
        HttpResponse<String> answer = contributor.postForm("/quan-tri/quy-trinh/" + id + "/gui", Map.of("csrfToken", csrfToken(form),
                "version", version(form), "unit", "Phòng đã gõ", "name", "", "email", "sai-dia-chi", "phone", "024",
                "quoted", "on", "source", ""));
        assertEquals(400, answer.statusCode());
        String shown = text(answer);
        assertTrue(shown.contains("Hãy ghi họ tên người gửi."), shown);
        assertTrue(shown.contains("Địa chỉ thư điện tử không hợp lệ"), shown);
        assertTrue(shown.contains("Hãy chọn mức độ nhạy cảm"), shown);
        assertTrue(shown.contains("phải ghi rõ nguồn"), shown);
        assertEquals("Phòng đã gõ", Jsoup.parse(answer.body()).selectFirst("input[name=unit]").attr("value"));
    }

    @Test
    void secondApproverOnTheSameVersionGetsAConflictAndKeepsTheTypedComment() {
        long id = draft();
        submitAsContributor(as(ALPHA, Role.CONTRIBUTOR), id, "sensitive");
        Browser editor = as(ALPHA, Role.EDITOR);
        step(editor, id, "nhan", Map.of());
        step(editor, id, "trinh", Map.of());
        Browser first = as(ALPHA, Role.APPROVER);
        Browser second = as(ALPHA, Role.APPROVER);
        HttpResponse<String> seenBySecond = second.get("/quan-tri/quy-trinh/" + id);
        assertEquals(303, step(first, id, "duyet", Map.of()).statusCode());

        HttpResponse<String> conflict = second.postForm("/quan-tri/quy-trinh/" + id + "/buoc/tra-lai", Map.of(
                "csrfToken", csrfToken(seenBySecond), "version", version(seenBySecond), "comment", "Ý kiến dài tôi đã gõ"));
        assertEquals(409, conflict.statusCode());
        assertTrue(text(conflict).contains("vừa được người khác xử lý"), text(conflict));
        assertTrue(conflict.body().contains("Ý kiến dài tôi đã gõ"), "nothing typed is lost");
        assertTrue(text(conflict).contains("Đã duyệt, chờ đăng"), "the page shows the new state");
    }

    @Test
    void aRoleThatMayNotActIsRefusedWithAMessage() {
        long id = draft();
        Browser contributor = as(ALPHA, Role.CONTRIBUTOR);
        submitAsContributor(contributor, id, "routine");
        HttpResponse<String> refused = step(contributor, id, "nhan", Map.of());
        assertEquals(403, refused.statusCode());
        assertTrue(text(refused).contains("Bạn không có quyền nhận biên tập tin bài"), text(refused));
        assertFalse(Jsoup.parse(as(ALPHA, Role.CONTRIBUTOR).get("/quan-tri/quy-trinh/" + id).body())
                .select("form[action$=/buoc/nhan]").hasText(), "no take button for a contributor");
    }

    @Test
    void anotherTenantsStaffCannotSeeOrActOnTheItem() {
        long id = draft();
        submitAsContributor(as(ALPHA, Role.CONTRIBUTOR), id, "routine");
        Browser betaEditor = as(BETA, Role.EDITOR);
        assertEquals(404, betaEditor.get("/quan-tri/quy-trinh/" + id).statusCode());
        assertEquals(404, betaEditor.get("/quan-tri/quy-trinh/" + id + "/gui").statusCode());
        HttpResponse<String> own = betaEditor.get("/quan-tri/quy-trinh");
        assertFalse(own.body().contains("tin-trang-") || text(own).contains("Tin tin-trang-"), "alpha's items are not in beta's queue");
        String token = csrfToken(betaEditor.get("/quan-tri/bai-viet/moi"));
        for (String s : new String[]{"nhan", "trinh", "duyet", "tu-choi", "dang", "go-bo"}) {
            HttpResponse<String> answer = betaEditor.postForm("/quan-tri/quy-trinh/" + id + "/buoc/" + s,
                    Map.of("csrfToken", token, "version", "2", "reason", "duplicate", "text", "x"));
            assertEquals(404, answer.statusCode(), s + ": " + answer.body());
        }
        assertEquals("submitted", stateOf(id), "alpha's item is untouched");
        Browser alphaEditor = as(ALPHA, Role.EDITOR);
        assertEquals(303, alphaEditor.at(BETA).get("/quan-tri/quy-trinh/" + id).statusCode(), "alpha's session means nothing on beta");
    }

    private String stateOf(long id) {
        return SqlProbe.string(this::jdbc, "SELECT state FROM t_alpha.content_items WHERE id = " + id);
    }
}
