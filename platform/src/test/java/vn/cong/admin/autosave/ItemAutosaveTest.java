package vn.cong.admin.autosave;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.consultations.ConsultationFields;
import vn.cong.content.consultations.Consultations;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;
import vn.cong.workflow.Actor;
import vn.cong.workflow.SendForApproval;
import vn.cong.workflow.Sensitivity;
import vn.cong.workflow.SubmitItem;
import vn.cong.workflow.Submission;
import vn.cong.workflow.TakeForEditing;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.text;

/**
 * The server autosave of item forms, over HTTP as the form's script does it: kept per item and account, offered
 * back on reopening while newer than the item's last save, never a revision, workflow event or public text,
 * refused on locked items, scoped to the tenant, and meeting the optimistic lock when restored over a newer save.
 */
@MicronautTest(transactional = false)
class ItemAutosaveTest extends PlatformTestSupport {

    private static final String SECOND_EDITOR_PASSWORD = "BienTapHai2026!x";

    @Inject
    ApplicationContext context;
    @Inject
    Publishing publishing;
    @Inject
    Consultations consultations;
    @Inject
    AccountAdministration accounts;
    @Inject
    SubmitItem submit;
    @Inject
    TakeForEditing take;
    @Inject
    SendForApproval send;

    private TwoPortals portals;
    private long sectionId;
    private long secondEditorId;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        sectionId = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
        secondEditorId = accounts.create(portals.alpha(), 1, new AccountDetails("bientap2", "bientap2@alpha.vn", "Biên Tập Hai",
                "Ban biên tập", "", ""), Set.of(Role.EDITOR), SECOND_EDITOR_PASSWORD).block().accountId();
    }

    private long article(String slug, String title, String body) {
        return publishing.saveDraft(portals.alpha(), Draft.article(sectionId, "vi", slug, title, "Tóm tắt.", body,
                portals.editorId(portals.alpha()))).block().id();
    }

    private static String edit(long id) {
        return "/quan-tri/bai-viet/" + id;
    }

    /** The form's fields as the page shows them, changed by {@code changes}, as the script would post them. */
    private static Map<String, String> typed(HttpResponse<String> page, Map<String, String> changes) {
        Document doc = Jsoup.parse(page.body());
        Element form = doc.selectFirst("form[data-autosave]");
        assertNotNull(form, "the edit form autosaves:\n" + page.body());
        Map<String, String> fields = new HashMap<>();
        for (Element f : form.select("input[name], textarea[name], select[name]")) {
            if (f.is("input[type=radio], input[type=checkbox]") && !f.hasAttr("checked")) {
                continue;
            }
            fields.put(f.attr("name"), f.is("textarea") ? f.wholeText() : f.is("select")
                    ? f.select("option[selected]").eachAttr("value").stream().findFirst().orElse("") : f.attr("value"));
        }
        fields.putAll(changes);
        return fields;
    }

    private static HttpResponse<String> autosave(Browser b, long id, HttpResponse<String> page, Map<String, String> changes) {
        return b.postForm("/quan-tri/noi-dung/" + id + "/tu-luu", typed(page, changes));
    }

    private static Element offer(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        return Jsoup.parse(page.body()).selectFirst("[data-autosave-offer]");
    }

    private long count(String sql) {
        return SqlProbe.number(this::jdbc, sql);
    }

    @Test
    void anAutosaveIsKeptAndOfferedBackWhenTheEditorComesBackAfterLosingTheConnection() {
        long id = article("tu-luu-ket-noi", "Tin về hội nghị", "<p>Bản đã lưu.</p>");
        Browser editor = portals.editor(portals.alpha());
        HttpResponse<String> page = editor.get(edit(id));
        assertNull(offer(page), "nothing to offer yet");
        HttpResponse<String> kept = autosave(editor, id, page, Map.of("title", "Tin về hội nghị tổng kết",
                "body", "<p>Đoạn đang viết dở<script>alert(1)</script> về hội nghị.</p>", "state", "published"));
        assertEquals(200, kept.statusCode(), kept.body());
        assertTrue(kept.body().contains("Đã tự lưu lên máy chủ lúc"), kept.body());

        // the connection was lost: a new session on another day opens the item again
        Browser again = portals.editor(portals.alpha());
        Element offered = offer(again.get(edit(id)));
        assertNotNull(offered, "the newer autosave is offered back");
        assertTrue(offered.selectFirst("[data-autosave-restore]").text().startsWith("Khôi phục bản tự lưu lúc "), offered.outerHtml());
        assertFalse(offered.select("form[action=/quan-tri/noi-dung/" + id + "/tu-luu/bo-qua] button").isEmpty(), "with «Bỏ qua»");
        String fields = offered.attr("data-fields");
        assertTrue(fields.contains("Tin về hội nghị tổng kết") && fields.contains("Đoạn đang viết dở"), fields);
        assertFalse(fields.contains("<script"), "sanitised on the way in as a normal save is: " + fields);
        assertFalse(fields.contains("\"state\""), "only the form's own fields are kept: " + fields);
        assertEquals("1", offered.attr("data-base-version"));
        assertEquals("draft", SqlProbe.string(this::jdbc, "SELECT state FROM t_alpha.content_items WHERE id = " + id));

        // Bỏ qua: gone, and not offered again
        HttpResponse<String> reopened = again.get(edit(id));
        HttpResponse<String> discarded = again.postForm("/quan-tri/noi-dung/" + id + "/tu-luu/bo-qua",
                Map.of("csrfToken", offer(reopened).selectFirst("input[name=csrfToken]").attr("value")));
        assertEquals(303, discarded.statusCode(), discarded.body());
        assertEquals(edit(id), discarded.headers().firstValue("Location").orElseThrow());
        assertNull(offer(again.get(edit(id))));
    }

    @Test
    void anAutosaveIsNeitherAVersionNorAWorkflowEventNorEverShownToReaders() {
        long id = article("tu-luu-khong-cong-khai", "Thông báo lịch tiếp công dân", "<p>Lịch tiếp công dân tháng 12.</p>");
        publishing.publish(portals.alpha(), id, portals.editorId(portals.alpha())).block();
        long revisions = count("SELECT count(*) FROM t_alpha.content_revisions WHERE item_id = " + id);
        long events = count("SELECT count(*) FROM t_alpha.content_events WHERE item_id = " + id);
        long version = count("SELECT version FROM t_alpha.content_items WHERE id = " + id);
        long notifications = count("SELECT count(*) FROM t_alpha.notifications");
        Browser editor = portals.editor(portals.alpha());
        HttpResponse<String> kept = autosave(editor, id, editor.get(edit(id)), Map.of("body", "<p>Lịch mới chưa duyệt: thứ Bảy nghỉ.</p>"));
        assertEquals(200, kept.statusCode(), kept.body());

        assertEquals(revisions, count("SELECT count(*) FROM t_alpha.content_revisions WHERE item_id = " + id), "not a revision");
        assertEquals(events, count("SELECT count(*) FROM t_alpha.content_events WHERE item_id = " + id), "no workflow event");
        assertEquals(version, count("SELECT version FROM t_alpha.content_items WHERE id = " + id), "the version does not move");
        assertEquals(notifications, count("SELECT count(*) FROM t_alpha.notifications"), "nobody is notified");
        HttpResponse<String> workflow = editor.get("/quan-tri/quy-trinh/" + id);
        assertFalse(workflow.body().contains("thứ Bảy nghỉ"), "not on the workflow page");
        HttpResponse<String> publicPage = portals.browser(TwoPortals.ALPHA_HOST).get("/bai-viet/tu-luu-khong-cong-khai");
        assertEquals(200, publicPage.statusCode());
        assertTrue(publicPage.body().contains("Lịch tiếp công dân tháng 12."));
        assertFalse(publicPage.body().contains("thứ Bảy nghỉ"), "readers see the published text only");
    }

    @Test
    void aLockedItemRefusesAutosaveAndItsFormDoesNotAutosave() {
        long id = article("tu-luu-dang-duyet", "Tin chờ duyệt", "<p>Bản gửi duyệt.</p>");
        Actor editorActor = new Actor(portals.editorId(portals.alpha()), "Biên Tập Viên", Set.of(Role.EDITOR));
        var submitted = submit.submit(portals.alpha(), id, 1, editorActor, new Submission("Ban biên tập", "Biên Tập Viên", "Biên tập viên",
                "bientap@alpha.vn", "024 3943 1234", Sensitivity.ROUTINE.db(), null, false, false, null, null)).block();
        var taken = take.take(portals.alpha(), id, submitted.version(), editorActor).block();
        send.send(portals.alpha(), id, taken.version(), editorActor, "").block();
        Browser editor = portals.editor(portals.alpha());
        HttpResponse<String> page = editor.get(edit(id));
        assertNull(Jsoup.parse(page.body()).selectFirst("form[data-autosave]"), "the read-only form sends nothing");
        Map<String, String> fields = new HashMap<>(Map.of("csrfToken", csrfToken(page), "version", "3", "title", "Tin chờ duyệt",
                "body", "<p>Sửa lén sau khi duyệt.</p>"));
        HttpResponse<String> refused = editor.postForm("/quan-tri/noi-dung/" + id + "/tu-luu", fields);
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("đang chờ duyệt hoặc đã được duyệt"), refused.body());
        assertEquals(0, count("SELECT count(*) FROM t_alpha.item_autosaves WHERE item_id = " + id));
    }

    @Test
    void withoutTheFormsTokenOrOverTheSizeLimitNothingIsKept() {
        long id = article("tu-luu-gioi-han", "Tin giới hạn", "<p>Ngắn.</p>");
        Browser editor = portals.editor(portals.alpha());
        HttpResponse<String> page = editor.get(edit(id));
        Map<String, String> noToken = typed(page, Map.of("body", "<p>Không có mã chống giả mạo.</p>"));
        noToken.remove("csrfToken");
        assertEquals(403, editor.postForm("/quan-tri/noi-dung/" + id + "/tu-luu", noToken).statusCode());
        HttpResponse<String> tooLarge = autosave(editor, id, page, Map.of("body", "<p>" + "a".repeat(1_000_001) + "</p>"));
        assertEquals(413, tooLarge.statusCode(), tooLarge.body().substring(0, Math.min(300, tooLarge.body().length())));
        assertTrue(tooLarge.body().contains("quá dài"), "a clear answer");
        assertEquals(0, count("SELECT count(*) FROM t_alpha.item_autosaves WHERE item_id = " + id));
    }

    @Test
    void anotherTenantCanNeitherReadNorWriteAnAutosave() {
        long id = article("tu-luu-rieng-alpha", "Tin riêng của Alpha", "<p>Của Alpha.</p>");
        Browser alphaEditor = portals.editor(portals.alpha());
        assertEquals(200, autosave(alphaEditor, id, alphaEditor.get(edit(id)), Map.of("body", "<p>Bí mật của Alpha đang viết.</p>")).statusCode());

        // beta's editor, on beta's host: the id names beta's own item if any, never alpha's
        Browser betaEditor = portals.editor(portals.beta());
        HttpResponse<String> betaPage = betaEditor.get(edit(id));
        assertFalse(betaPage.body().contains("Bí mật của Alpha"), "alpha's autosave is not offered on beta");
        Map<String, String> write = new HashMap<>(Map.of("csrfToken", csrfToken(betaEditor.get("/quan-tri/bai-viet/moi")), "version", "1",
                "title", "Ghi từ Beta", "body", "<p>Ghi từ Beta.</p>"));
        betaEditor.postForm("/quan-tri/noi-dung/" + id + "/tu-luu", write);
        assertEquals(1, count("SELECT count(*) FROM t_alpha.item_autosaves WHERE item_id = " + id), "alpha's autosaves untouched");
        assertFalse(SqlProbe.string(this::jdbc, "SELECT fields::text FROM t_alpha.item_autosaves WHERE item_id = " + id).contains("Beta"));
        // an item id beta does not have is not found there
        assertEquals(404, betaEditor.postForm("/quan-tri/noi-dung/99999999/tu-luu", write).statusCode());
        // alpha's session replayed on beta's host is no session there
        HttpResponse<String> replayed = alphaEditor.at(TwoPortals.BETA_HOST).postForm("/quan-tri/noi-dung/" + id + "/tu-luu", write);
        assertTrue(replayed.statusCode() == 403 || replayed.statusCode() == 303 || replayed.statusCode() == 401, "refused: " + replayed.statusCode());
        assertEquals(1, count("SELECT count(*) FROM t_alpha.item_autosaves WHERE item_id = " + id));
    }

    @Test
    void anAutosaveOlderThanANewerSaveIsNotOfferedAndOneOnAnOldVersionMeetsTheLockWhenSaved() {
        long id = article("tu-luu-xung-dot", "Tin hai người sửa", "<p>Bản 1.</p>");
        Browser mine = portals.editor(portals.alpha());
        Browser colleague = portals.loggedIn(TwoPortals.ALPHA_HOST, "bientap2", SECOND_EDITOR_PASSWORD);
        HttpResponse<String> openedOnV1 = mine.get(edit(id));
        assertEquals(200, autosave(mine, id, openedOnV1, Map.of("body", "<p>Bản của tôi, sớm.</p>")).statusCode());

        // the colleague saves after my autosave: mine is older than the item's last save, not offered
        Map<String, String> theirs = typed(colleague.get(edit(id)), Map.of("body", "<p>Bản của đồng nghiệp.</p>"));
        assertEquals(303, colleague.postForm(edit(id), theirs).statusCode());
        assertNull(offer(mine.get(edit(id))), "an autosave older than the last save is not offered");

        // my form, still open on version 1, autosaves again: newer than their save, made on an older version
        assertEquals(200, autosave(mine, id, openedOnV1, Map.of("body", "<p>Bản của tôi, muộn.</p>")).statusCode());
        Element offered = offer(mine.get(edit(id)));
        assertNotNull(offered);
        assertEquals("1", offered.attr("data-base-version"));
        assertNotNull(offered.selectFirst(".autosave-changed"), "it says the item was saved since");

        // restored and saved: the lock refuses, both are kept (theirs as the saved version, mine on the form)
        HttpResponse<String> conflict = mine.postForm(edit(id), typed(openedOnV1, Map.of("body", "<p>Bản của tôi, muộn.</p>")));
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertTrue(text(conflict).contains("vừa được người khác lưu"), text(conflict));
        assertTrue(conflict.body().contains("Bản của tôi, muộn."), "my text stays on the form");
        assertTrue(SqlProbe.string(this::jdbc, "SELECT body_html FROM t_alpha.content_items WHERE id = " + id).contains("đồng nghiệp"));

        // the colleague's own autosave survives my save; mine goes with it
        assertEquals(200, autosave(colleague, id, colleague.get(edit(id)), Map.of("body", "<p>Đồng nghiệp viết tiếp.</p>")).statusCode());
        Map<String, String> overwrite = typed(conflict, Map.of());
        assertEquals(303, mine.postForm(edit(id), overwrite).statusCode());
        assertEquals(0, count("SELECT count(*) FROM t_alpha.item_autosaves WHERE item_id = " + id + " AND account_id = "
                + portals.editorId(portals.alpha())), "a successful save deletes that account's autosave");
        assertEquals(1, count("SELECT count(*) FROM t_alpha.item_autosaves WHERE item_id = " + id + " AND account_id = " + secondEditorId));
    }

    @Test
    void theOtherKindsFormsAutosaveTheSameWay() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id = consultations.save(portals.alpha(), new Draft(null, 0, Consultations.KIND, null, "vi", "du-thao-tu-luu",
                        "Dự thảo Thông tư về chuyển đổi số", "", "<p>Điều 1.</p>", null, null, null, false, null),
                new ConsultationFields(now.plusDays(1), now.plusDays(30), "gopy@alpha.gov.vn", "Số 1 Phố Alpha"), Map.of()).block().id();
        Browser editor = portals.editor(portals.alpha());
        String path = "/quan-tri/du-thao/" + id;
        HttpResponse<String> page = editor.get(path);
        HttpResponse<String> kept = autosave(editor, id, page, Map.of("body", "<p>Điều 1. Phạm vi điều chỉnh<img src=x onerror=alert(1)></p>"));
        assertEquals(200, kept.statusCode(), kept.body());
        Element offered = offer(portals.editor(portals.alpha()).get(path));
        assertNotNull(offered, "offered on the kind's own form");
        assertTrue(offered.attr("data-fields").contains("Phạm vi điều chỉnh"));
        assertFalse(offered.attr("data-fields").contains("onerror"), offered.attr("data-fields"));
        assertTrue(offered.attr("data-fields").contains("opensAt"), "the kind's own fields are kept too");
    }

    @Test
    void aContributorCannotAutosaveOverAPublishedItem() {
        long id = article("tu-luu-da-dang", "Tin đã đăng", "<p>Đã đăng.</p>");
        publishing.publish(portals.alpha(), id, null).block();
        accounts.create(portals.alpha(), 1, new AccountDetails("ctv", "ctv@alpha.vn", "Cộng Tác Viên", "Phòng A", "", ""),
                Set.of(Role.CONTRIBUTOR), "CongTac2026!x").block();
        Browser contributor = portals.loggedIn(TwoPortals.ALPHA_HOST, "ctv", "CongTac2026!x");
        HttpResponse<String> page = contributor.get(edit(id));
        HttpResponse<String> refused = contributor.postForm("/quan-tri/noi-dung/" + id + "/tu-luu",
                Map.of("csrfToken", csrfToken(page), "version", "2", "body", "<p>Sửa bài đã đăng.</p>"));
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("chỉ biên tập viên hoặc lãnh đạo ban biên tập được sửa"), refused.body());
    }
}
