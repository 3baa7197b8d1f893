package vn.cong.admin.content;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.admin.StaffForms;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.tenancy.Tenant;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;
import vn.cong.workflow.DeleteDraft;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk buttons of the content lists run the workflow's commands item by item: what is allowed is done, what is
 * not is left as it was, and the result page says which and why; another portal's ids are "not found".
 */
@MicronautTest(transactional = false)
class BulkActionsTest extends PlatformTestSupport {

    private static final String CTV_PASSWORD = "CongTacVien2026!x";

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    Publishing publishing;
    @Inject
    AccountAdministration accounts;

    private TwoPortals portals;
    private long contributor;
    private int counter;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        contributor = accounts.create(portals.alpha(), 1, new AccountDetails("ctv", "ctv@alpha.vn", "Cộng Tác Viên", "Phòng Thông tin", "Chuyên viên",
                "024 3943 1234"), Set.of(Role.CONTRIBUTOR), CTV_PASSWORD).block().accountId();
    }

    private SavedItem draft(Tenant tenant, String title, long author) {
        return publishing.saveDraft(tenant, Draft.article(null, "vi", "hang-loat-" + (++counter), title, "Tóm tắt.", "<p>Nội dung.</p>", author)).block();
    }

    private Browser contributorBrowser() {
        return portals.loggedIn(TwoPortals.ALPHA_HOST, "ctv", CTV_PASSWORD);
    }

    /** Checks the rows and presses {@code action} on the list, as the list's form sends it. */
    private HttpResponse<String> press(Browser who, String action, boolean withToken, String... selections) {
        String token = StaffForms.csrfToken(who.get("/quan-tri/noi-dung"));
        StringBuilder body = new StringBuilder("thaotac=" + action + "&danhsach=" + enc("/quan-tri/noi-dung") + "&loc=" + enc("q=hang&trangthai=draft"));
        if (withToken) {
            body.append("&csrfToken=").append(enc(token));
        }
        for (String s : selections) {
            body.append("&chon=").append(enc(s));
        }
        return StaffForms.postRaw(server.getPort(), TwoPortals.ALPHA_HOST, who, "/quan-tri/noi-dung/hang-loat", body.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String sel(SavedItem item) {
        return item.id() + ":" + item.version();
    }

    /** Each row of the result page: title | result | detail. */
    private static List<List<String>> outcomes(HttpResponse<String> page) {
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : Jsoup.parse(page.body()).select("table.bulk-outcomes tbody tr")) {
            rows.add(List.of(tr.select("th").text(), tr.select("td").get(0).text(), tr.select("td").get(1).text()));
        }
        return rows;
    }

    private String state(String schema, long id) throws Exception {
        try (var c = jdbc(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT coalesce((SELECT state FROM " + schema + ".content_items WHERE id = " + id + "), 'gone')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void setState(long id, String state) throws Exception {
        try (var c = jdbc(); var s = c.createStatement()) {
            s.execute("UPDATE t_alpha.content_items SET state = '" + state + "', version = version + 1 WHERE id = " + id);
        }
    }

    @Test
    void bulkSubmitReportsEachItemAndSubmitsOnlyWhatTheWorkflowAllows() throws Exception {
        SavedItem own = draft(portals.alpha(), "Hàng loạt: bài của cộng tác viên", contributor);
        SavedItem others = draft(portals.alpha(), "Hàng loạt: bài của biên tập viên", portals.editorId(portals.alpha()));
        SavedItem published = draft(portals.alpha(), "Hàng loạt: bài đã đăng", contributor);
        setState(published.id(), "published");
        SavedItem stale = draft(portals.alpha(), "Hàng loạt: bài vừa được sửa", contributor);
        HttpResponse<String> result = press(contributorBrowser(), "gui-duyet", true,
                sel(own), sel(others), (published.id()) + ":" + (published.version() + 1), sel(stale).replaceAll(":\\d+$", ":7"));
        assertEquals(200, result.statusCode(), result.body());
        List<List<String>> rows = outcomes(result);
        assertEquals(4, rows.size(), rows.toString());
        assertEquals(List.of("Hàng loạt: bài của cộng tác viên", "Đã làm", "Đã gửi vào quy trình duyệt."), rows.get(0));
        assertEquals("Bị từ chối", rows.get(1).get(1));
        assertTrue(rows.get(1).get(2).contains("Chỉ người soạn tin bài hoặc biên tập viên"), rows.get(1).toString());
        assertTrue(rows.get(2).get(2).contains("«Đã đăng»"), "wrong state, named: " + rows.get(2));
        assertTrue(rows.get(3).get(2).contains("phiên bản 7") && rows.get(3).get(2).contains("đã thay đổi"), "changed since listed: " + rows.get(3));
        assertTrue(StaffForms.text(result).contains("Đã làm 1 trong 4 mục."), StaffForms.text(result));
        assertEquals("submitted", state("t_alpha", own.id()));
        assertEquals("draft", state("t_alpha", others.id()));
        assertEquals("published", state("t_alpha", published.id()));
        assertEquals("draft", state("t_alpha", stale.id()));
        assertEquals("/quan-tri/noi-dung?q=hang&trangthai=draft", Jsoup.parse(result.body()).select("a.button").attr("href"),
                "the way back keeps the list's filters");
    }

    @Test
    void anEditorWithoutTheTakedownRoleCannotBulkArchive() throws Exception {
        SavedItem item = draft(portals.alpha(), "Hàng loạt: tin cần lưu trữ", portals.editorId(portals.alpha()));
        setState(item.id(), "published");
        HttpResponse<String> result = press(portals.editor(portals.alpha()), "luu-tru", true, item.id() + ":" + (item.version() + 1));
        assertEquals(200, result.statusCode(), result.body());
        List<String> row = outcomes(result).get(0);
        assertEquals("Bị từ chối", row.get(1));
        assertTrue(row.get(2).contains("Bạn không có quyền đưa tin bài vào lưu trữ"), row.toString());
        assertEquals("published", state("t_alpha", item.id()));
    }

    @Test
    void deleteDraftsRemovesOnlyNeverSubmittedDraftsOfWhoMayAndKeepsTheEventLog() throws Exception {
        SavedItem own = draft(portals.alpha(), "Hàng loạt: bản nháp bỏ đi", contributor);
        SavedItem others = draft(portals.alpha(), "Hàng loạt: bản nháp của người khác", portals.editorId(portals.alpha()));
        SavedItem sent = draft(portals.alpha(), "Hàng loạt: bài đã gửi", contributor);
        setState(sent.id(), "submitted");
        HttpResponse<String> result = press(contributorBrowser(), "xoa-nhap", true, sel(own), sel(others), sent.id() + ":" + (sent.version() + 1));
        List<List<String>> rows = outcomes(result);
        assertEquals(List.of("Đã làm", "Bị từ chối", "Bị từ chối"), rows.stream().map(r -> r.get(1)).toList(), rows.toString());
        assertTrue(rows.get(1).get(2).contains("Chỉ người soạn bản nháp"), rows.toString());
        assertTrue(rows.get(2).get(2).contains("không thể xoá"), rows.toString());
        assertEquals("gone", state("t_alpha", own.id()));
        assertEquals("draft", state("t_alpha", others.id()));
        assertEquals("submitted", state("t_alpha", sent.id()));
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery(
                "SELECT string_agg(coalesce(action, '') || '>' || to_state, ',' ORDER BY id) FROM t_alpha.content_events WHERE item_id = " + own.id())) {
            rs.next();
            assertEquals(">draft,delete>deleted", rs.getString(1), "the history stays, with the deletion at its end");
        }
    }

    @Test
    void anotherPortalsItemsAreAnsweredNotFoundAndLeftAlone() throws Exception {
        try (var c = jdbc(); var s = c.createStatement()) {
            // ids are per portal: beta's draft gets one that alpha has no item under
            s.execute("SELECT setval('t_beta.content_items_id_seq', 100000)");
        }
        SavedItem betaDraft = draft(portals.beta(), "Hàng loạt: bản nháp của Beta", portals.editorId(portals.beta()));
        SavedItem alphaDraft = draft(portals.alpha(), "Hàng loạt: bản nháp của Alpha", portals.editorId(portals.alpha()));
        HttpResponse<String> result = press(portals.editor(portals.alpha()), "xoa-nhap", true, sel(betaDraft), sel(alphaDraft));
        List<List<String>> rows = outcomes(result);
        assertEquals(List.of("Mục số " + betaDraft.id(), "Bị từ chối", BulkRun.NOT_FOUND), rows.get(0));
        assertEquals("Đã làm", rows.get(1).get(1));
        assertEquals("draft", state("t_beta", betaDraft.id()), "beta's draft is untouched");
        assertEquals("gone", state("t_alpha", alphaDraft.id()));
    }

    @Test
    void withoutTheFormsTokenOrRowsNothingIsDone() throws Exception {
        SavedItem item = draft(portals.alpha(), "Hàng loạt: không có mã chống giả mạo", contributor);
        HttpResponse<String> forged = press(contributorBrowser(), "xoa-nhap", false, sel(item));
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals("draft", state("t_alpha", item.id()));
        HttpResponse<String> none = press(contributorBrowser(), "xoa-nhap", true);
        assertEquals(400, none.statusCode());
        assertTrue(StaffForms.text(none).contains("Chưa chọn dòng nào"), StaffForms.text(none));
        HttpResponse<String> odd = press(contributorBrowser(), "xoa-tat-ca", true, sel(item));
        assertEquals(400, odd.statusCode());
        assertEquals("draft", state("t_alpha", item.id()));
        assertTrue(contributorBrowser().get("/quan-tri/noi-dung/hang-loat").statusCode() >= 400, "POST only");
    }

    @Test
    void everyTableThatPointsAtItemsIsClearedOrHoldsTheDraftBack() throws Exception {
        Set<String> holding = Set.of("workflow_runs", "standing_pages", "questions", "petitions",
                // only ever rows of published items
                "subscription_sent", "content_corrections");
        Set<String> referencing = new java.util.TreeSet<>();
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery("""
                SELECT DISTINCT src.relname FROM pg_constraint k JOIN pg_class src ON src.oid = k.conrelid
                JOIN pg_class dst ON dst.oid = k.confrelid JOIN pg_namespace n ON n.oid = dst.relnamespace
                WHERE k.contype = 'f' AND dst.relname = 'content_items' AND n.nspname = 't_alpha' AND k.confdeltype <> 'c'""")) {
            while (rs.next()) {
                referencing.add(rs.getString(1));
            }
        }
        String cleared = String.join(" ", DeleteDraft.CLEARED);
        Set<String> unhandled = referencing.stream().filter(t -> !holding.contains(t) && !cleared.contains(" " + t + " "))
                .collect(Collectors.toSet());
        assertEquals(Set.of(), unhandled, "a new table pointing at content items: clear it in DeleteDraft or refuse the deletion there");
    }
}
