package vn.cong.workflow;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.onboarding.Onboarding;
import vn.cong.ops.integrity.IntegrityCheck;
import vn.cong.ops.integrity.IntegrityFinding;
import vn.cong.ops.integrity.IntegrityRun;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/**
 * Corrections keep the old text and show a dated note on the public page; takedowns are decided by
 * the deputy head or head and make the public address answer 410; the integrity check accepts both
 * and catches a workflow event changed by direct SQL.
 */
@MicronautTest(transactional = false)
class CorrectionsAndTakedownsTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";

    @Inject EmbeddedServer server;
    @Inject Onboarding onboarding;
    @Inject TenantRegistry registry;
    @Inject AccountAdministration accounts;
    @Inject Publishing publishing;
    @Inject PublishItem publish;
    @Inject IntegrityCheck integrity;

    private Tenant alpha;
    private Staff staff;
    private long section;

    @BeforeAll
    void setUp() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        alpha = registry.findByCode("alpha").orElseThrow();
        staff = Staff.create(accounts, alpha);
        section = number("SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
    }

    private long number(String sql) {
        return SqlProbe.number(this::jdbc, sql);
    }

    private String string(String sql) {
        return SqlProbe.string(this::jdbc, sql);
    }

    /** A routine item the standing unit publishes at once (MOST's board model). */
    private long published(String lang, String slug, String body) {
        SavedItem d = publishing.saveDraft(alpha, Draft.article(section, lang, slug, "Tin " + slug, "Tóm tắt.", body,
                staff.get(Role.EDITOR).id())).block();
        return publish.publishDirectly(alpha, d.id(), d.version(), staff.get(Role.EDITOR)).block().itemId();
    }

    private Browser as(Role role) {
        Browser b = new Browser(server.getPort(), ALPHA);
        logInOk(b, Staff.USERNAMES.get(role), Staff.PASSWORD);
        return b;
    }

    @Test
    void correctionKeepsTheOldTextAsARevisionAndShowsADatedNoteOnThePublicPage() {
        long id = published("vi", "tin-can-dinh-chinh", "<p>Có 210 đơn vị tham gia.</p>");
        Browser reader = new Browser(server.getPort(), ALPHA);
        assertTrue(reader.get("/bai-viet/tin-can-dinh-chinh").body().contains("210 đơn vị"));

        Browser editor = as(Role.EDITOR);
        HttpResponse<String> form = editor.get("/quan-tri/quy-trinh/" + id + "/dinh-chinh");
        assertEquals(200, form.statusCode(), form.body());
        var doc = Jsoup.parse(form.body());
        Map<String, String> fields = new HashMap<>(Map.of("csrfToken", csrfToken(form),
                "version", doc.selectFirst("input[name=version]").attr("value"), "title", "Tin tin-can-dinh-chinh",
                "summary", "Tóm tắt.", "body", "<p>Có 120 đơn vị tham gia.</p>", "note", ""));
        HttpResponse<String> noNote = editor.postForm("/quan-tri/quy-trinh/" + id + "/dinh-chinh", fields);
        assertEquals(400, noNote.statusCode());
        assertTrue(text(noNote).contains("Hãy ghi nội dung đính chính"), text(noNote));
        assertTrue(noNote.body().contains("120 đơn vị"), "the corrected text typed is still there");
        fields.put("note", "Sửa số đơn vị tham gia: 120, không phải 210.");
        assertEquals(303, editor.postForm("/quan-tri/quy-trinh/" + id + "/dinh-chinh", fields).statusCode());

        HttpResponse<String> page = reader.get("/bai-viet/tin-can-dinh-chinh");
        assertEquals(200, page.statusCode());
        var note = Jsoup.parse(page.body()).selectFirst(".article-corrections");
        assertTrue(note != null && note.text().contains("Đính chính") && note.text().contains("120, không phải 210"), page.body());
        assertFalse(note.select("time").attr("datetime").isBlank(), "the note is dated");
        assertTrue(page.body().contains("120 đơn vị") && !page.body().contains("210 đơn vị"));
        int oldVersion = (int) number("SELECT old_version FROM t_alpha.content_corrections WHERE item_id = " + id);
        assertTrue(string("SELECT body_html FROM t_alpha.content_revisions WHERE item_id = " + id + " AND version = " + oldVersion)
                .contains("210 đơn vị"), "the text before the correction is kept as a revision");
        assertEquals("correct", string("SELECT action FROM t_alpha.content_events WHERE item_id = " + id + " ORDER BY chain_seq DESC LIMIT 1"));
        assertEquals("clean", integrity.run(IntegrityCheck.Trigger.OPERATOR, "alpha", "kiem-thu").block().status(),
                "a correction through the workflow is not an integrity finding");
    }

    @Test
    void anArticleSeededByTheManifestCanBeCorrectedToo() {
        long id = number("SELECT id FROM t_alpha.content_items WHERE slug = 'chuyen-doi-so-2026'");
        int version = (int) number("SELECT version FROM t_alpha.content_items WHERE id = " + id);
        var item = new Draft(id, version, "article", section, "vi", "chuyen-doi-so-2026", "Cục Alpha ra mắt nền tảng số riêng",
                "Tóm tắt của Cục Alpha.", "<p>Nội dung đã đính chính.</p>", null, null, null, false, staff.get(Role.EDITOR).id());
        publishing.correct(alpha, item, "Bổ sung nội dung").block();
        assertTrue(string("SELECT body_html FROM t_alpha.content_revisions WHERE item_id = " + id + " AND version = " + version)
                .contains("Nội dung chỉ của Alpha"), "the seeded text is kept");
    }

    @Test
    void takedownIsForTheDeputyHeadOrHeadAndThePublicAddressThenAnswers410() {
        long id = published("vi", "tin-se-go-bo", "<p>Thông tin không còn phù hợp.</p>");
        long english = published("en", "news-to-remove", "<p>Outdated.</p>");
        // past their retention period [001 Đ13] (inside it, RetentionTest: only the head's takedown with a legal basis)
        SqlProbe.run(this::jdbc, "UPDATE t_alpha.content_items SET published_at = now() - interval '6 years' WHERE id IN (" + id + ", " + english + ")");
        Browser reader = new Browser(server.getPort(), ALPHA);
        assertEquals(200, reader.get("/bai-viet/tin-se-go-bo").statusCode());

        Browser editor = as(Role.EDITOR);
        HttpResponse<String> editorPage = editor.get("/quan-tri/quy-trinh/" + id);
        HttpResponse<String> refused = editor.postForm("/quan-tri/quy-trinh/" + id + "/buoc/go-bo", Map.of("csrfToken", csrfToken(editorPage),
                "version", Jsoup.parse(editorPage.body()).selectFirst("dl.facts dd.version").attr("data-lock"), "text", "Không phù hợp"));
        assertEquals(403, refused.statusCode());
        assertTrue(text(refused).contains("quyết định gỡ bỏ"), text(refused));

        Browser deputy = as(Role.DEPUTY_HEAD);
        for (long item : List.of(id, english)) {
            HttpResponse<String> page = deputy.get("/quan-tri/quy-trinh/" + item);
            HttpResponse<String> done = deputy.postForm("/quan-tri/quy-trinh/" + item + "/buoc/go-bo", Map.of("csrfToken", csrfToken(page),
                    "version", Jsoup.parse(page.body()).selectFirst("input[name=version]").attr("value"),
                    "text", "Không còn phù hợp về thời điểm (Điều 12.2)"));
            assertEquals(303, done.statusCode(), done.body());
        }

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> gone = reader.get("/bai-viet/tin-se-go-bo");
            assertEquals(410, gone.statusCode(), "answer " + (i + 1) + " (the second from the page cache)");
            assertTrue(text(gone).contains("Nội dung đã được gỡ bỏ"), text(gone));
        }
        HttpResponse<String> goneEn = reader.get("/en/bai-viet/news-to-remove");
        assertEquals(410, goneEn.statusCode());
        assertTrue(text(goneEn).contains("Content removed"), text(goneEn));
        assertEquals(404, reader.get("/bai-viet/khong-bao-gio-co").statusCode(), "an address that never existed stays 404");

        String history = text(deputy.get("/quan-tri/quy-trinh/" + id));
        assertTrue(history.contains("Gỡ bỏ") && history.contains("Người deputy") && history.contains("Không còn phù hợp về thời điểm"), history);
        assertEquals("clean", integrity.run(IntegrityCheck.Trigger.OPERATOR, "alpha", "kiem-thu").block().status());
    }

    @Test
    void workflowEventChangedByDirectSqlIsNamedByTheChainCheck() {
        long id = published("vi", "tin-kiem-tra-chuoi", "<p>Nội dung.</p>");
        long seq = number("SELECT chain_seq FROM t_alpha.content_events WHERE item_id = " + id + " AND action = 'publish'");
        // the append-only guard is a trigger: someone with the owner's rights switches it off like this
        SqlProbe.run(this::jdbc, "SET session_replication_role = replica",
                "UPDATE t_alpha.content_events SET action = 'approve', level = 2 WHERE chain_seq = " + seq);
        IntegrityRun run = integrity.run(IntegrityCheck.Trigger.OPERATOR, "alpha", "kiem-thu").block();
        List<IntegrityFinding> altered = run.findings().stream().filter(f -> f.kind() == IntegrityFinding.Kind.EVENT_ALTERED).toList();
        assertEquals(1, altered.size(), run.findings().toString());
        assertEquals(seq, altered.get(0).eventSeq());
    }
}
