package vn.cong.workflow;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.api.ApiTokens;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.tenancy.Tenant;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/**
 * Retention [001 Đ13]: inside an item's period an ordinary takedown and archiving are refused on the staff
 * screens and the API, and deletion by any tool; the head's takedown with a legal basis goes through, is
 * recorded as an override and listed in the staff archive; the period follows the profile and the
 * document's own status, per tenant.
 */
@MicronautTest(transactional = false)
class RetentionTest extends PlatformTestSupport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject EmbeddedServer server;
    @Inject ApplicationContext context;
    @Inject AccountAdministration accounts;
    @Inject Publishing publishing;
    @Inject PublishItem publish;
    @Inject ApiTokens tokens;
    @Inject RegulationProfiles profiles;

    private TwoPortals portals;
    private Tenant alpha;
    private Tenant beta;
    private Staff staff;
    private Staff betaStaff;
    private long section;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        alpha = portals.alpha();
        beta = portals.beta();
        staff = Staff.create(accounts, alpha);
        betaStaff = Staff.create(accounts, beta);
        section = number("SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
    }

    private long number(String sql) {
        return SqlProbe.number(this::jdbc, sql);
    }

    private String string(String sql) {
        return SqlProbe.string(this::jdbc, sql);
    }

    private long published(String slug) {
        SavedItem d = Staff.draft(publishing, alpha, section, slug, staff.get(Role.EDITOR));
        return publish.publishDirectly(alpha, d.id(), d.version(), staff.get(Role.EDITOR)).block().itemId();
    }

    /** An article published {@code ago} (a PostgreSQL interval) before now. */
    private long publishedAgo(String slug, String ago) {
        long id = published(slug);
        SqlProbe.run(this::jdbc, "UPDATE t_alpha.content_items SET published_at = now() - interval '" + ago + "' WHERE id = " + id);
        return id;
    }

    private Browser as(String host, Role role) {
        Browser b = new Browser(server.getPort(), host);
        logInOk(b, Staff.USERNAMES.get(role), Staff.PASSWORD);
        return b;
    }

    /** Posts one step from the item's page, as a person would. */
    private static HttpResponse<String> step(Browser b, long id, String step, Map<String, String> typed) {
        HttpResponse<String> page = b.get("/quan-tri/quy-trinh/" + id);
        Map<String, String> form = new HashMap<>(typed);
        form.put("csrfToken", csrfToken(page));
        form.put("version", Jsoup.parse(page.body()).selectFirst("input[name=version]").attr("value"));
        return b.postForm("/quan-tri/quy-trinh/" + id + "/buoc/" + step, form);
    }

    private HttpResponse<String> api(Tenant tenant, Staff who, Role role, long id, String step, String text) {
        String token = tokens.issue(tenant, who.get(role).id(), "Kiểm thử lưu giữ", 1).block().token();
        String host = tenant == alpha ? TwoPortals.ALPHA_HOST : TwoPortals.BETA_HOST;
        int version = tenant == alpha ? (int) number("SELECT version FROM t_alpha.content_items WHERE id = " + id) : 1;
        return new Browser(server.getPort(), host).postJson("/api/v1/items/" + id + "/steps/" + step,
                "{\"version\": " + version + ", \"text\": \"" + text + "\", \"comment\": \"" + text + "\"}",
                Map.of("Authorization", "Bearer " + token, "Accept", "application/json"));
    }

    private String state(long id) {
        return string("SELECT state FROM t_alpha.content_items WHERE id = " + id);
    }

    private static String inFiveYears() {
        return DAY.format(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusYears(5));
    }

    @Test
    void ordinaryTakedownAndArchivingInsideThePeriodAreRefusedOnTheStaffScreensWithTheReasonKept() {
        long id = published("tin-con-luu-giu");
        Browser deputy = as(TwoPortals.ALPHA_HOST, Role.DEPUTY_HEAD);

        HttpResponse<String> takedown = step(deputy, id, "go-bo", Map.of("text", "Không còn phù hợp về thời điểm"));
        assertEquals(403, takedown.statusCode());
        assertTrue(text(takedown).contains("Không thể gỡ bỏ tin bài này: tin bài đã đăng được lưu giữ trên cổng ít nhất 5 năm, đến ngày "
                + inFiveYears()), text(takedown));
        assertTrue(text(takedown).contains("Gỡ bỏ theo căn cứ pháp lý"), "the refusal says how to proceed");
        assertTrue(takedown.body().contains("Không còn phù hợp về thời điểm</textarea>"), "what was typed is kept");

        HttpResponse<String> archive = step(deputy, id, "luu-tru", Map.of("comment", "Hết thời sự"));
        assertEquals(403, archive.statusCode());
        assertTrue(text(archive).contains("Không thể lưu trữ tin bài này"), text(archive));
        assertEquals("published", state(id));
        assertEquals(200, new Browser(server.getPort(), TwoPortals.ALPHA_HOST).get("/bai-viet/tin-con-luu-giu").statusCode());
    }

    @Test
    void ordinaryTakedownAndArchivingInsideThePeriodAreRefusedOverTheApi() {
        long id = published("tin-api-luu-giu");
        HttpResponse<String> takedown = api(alpha, staff, Role.DEPUTY_HEAD, id, "take-down", "Sai sự thật");
        assertEquals(403, takedown.statusCode());
        assertTrue(takedown.body().contains("lưu giữ trên cổng ít nhất 5 năm"), takedown.body());
        HttpResponse<String> archive = api(alpha, staff, Role.HEAD, id, "archive", "Hết thời sự");
        assertEquals(403, archive.statusCode());
        assertTrue(archive.body().contains("Không thể lưu trữ"), archive.body());
        assertEquals("published", state(id));
    }

    @Test
    void deletingAnItemThatWasOnlineIsRefusedWhateverTheTool() {
        long id = published("tin-khong-xoa-duoc");
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> SqlProbe.run(this::jdbc, "DELETE FROM t_alpha.content_items WHERE id = " + id));
        Throwable cause = refused;
        while (cause.getCause() != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("không được xóa"), cause.getMessage());
        assertEquals("published", state(id));
    }

    @Test
    void theHeadsTakedownWithALegalBasisIsRecordedAsAnOverrideAndListedInTheArchive() {
        long id = published("tin-go-theo-quyet-dinh");
        HttpResponse<String> byDeputy = step(as(TwoPortals.ALPHA_HOST, Role.DEPUTY_HEAD), id, "go-bo-theo-can-cu-phap-ly",
                Map.of("text", "Quyết định 12/QĐ-TTra"));
        assertEquals(403, byDeputy.statusCode());
        assertTrue(text(byDeputy).contains("gỡ bỏ tin bài theo căn cứ pháp lý"), text(byDeputy));

        Browser head = as(TwoPortals.ALPHA_HOST, Role.HEAD);
        HttpResponse<String> noBasis = step(head, id, "go-bo-theo-can-cu-phap-ly", Map.of("text", " "));
        assertEquals(400, noBasis.statusCode());
        assertTrue(text(noBasis).contains("Hãy ghi căn cứ pháp lý"), text(noBasis));

        HttpResponse<String> done = step(head, id, "go-bo-theo-can-cu-phap-ly",
                Map.of("text", "Kết luận thanh tra số 12/KL-TTra ngày 02/12/2026 của Thanh tra Bộ"));
        assertEquals(303, done.statusCode(), done.body());
        assertEquals("taken_down", state(id));
        assertEquals(410, new Browser(server.getPort(), TwoPortals.ALPHA_HOST).get("/bai-viet/tin-go-theo-quyet-dinh").statusCode());
        assertEquals(1, number("SELECT count(*) FROM t_alpha.retention_overrides WHERE item_id = " + id
                + " AND decided_by = " + staff.get(Role.HEAD).id() + " AND retained_until IS NOT NULL"));
        assertEquals("take_down_legal", string("SELECT action FROM t_alpha.content_events WHERE item_id = " + id
                + " ORDER BY chain_seq DESC LIMIT 1"));

        HttpResponse<String> archive = as(TwoPortals.ALPHA_HOST, Role.EDITOR).get("/quan-tri/luu-tru");
        assertEquals(200, archive.statusCode());
        var overrides = Jsoup.parse(archive.body()).selectFirst("table.retention-overrides");
        assertTrue(overrides != null && overrides.text().contains("Tin tin-go-theo-quyet-dinh")
                && overrides.text().contains("Người head") && overrides.text().contains("Kết luận thanh tra số 12/KL-TTra")
                && overrides.text().contains(inFiveYears()), archive.body());
        assertFalse(new Browser(server.getPort(), TwoPortals.BETA_HOST).get("/bai-viet/tin-go-theo-quyet-dinh").statusCode() == 200);
    }

    @Test
    void afterThePeriodAnItemIsArchivedOffThePublicSiteAndListedForTheStaff() {
        long young = publishedAgo("tin-bon-nam-truoc", "4 years 11 months");
        long old = publishedAgo("tin-sau-nam-truoc", "5 years 2 days");
        assertEquals(403, api(alpha, staff, Role.DEPUTY_HEAD, young, "archive", "Hết thời hạn").statusCode(), "not yet five years");

        HttpResponse<String> archived = api(alpha, staff, Role.DEPUTY_HEAD, old, "archive", "Hết thời hạn lưu giữ");
        assertEquals(200, archived.statusCode(), archived.body());
        assertEquals("archived", state(old));
        assertEquals(410, new Browser(server.getPort(), TwoPortals.ALPHA_HOST).get("/bai-viet/tin-sau-nam-truoc").statusCode());
        var offline = Jsoup.parse(as(TwoPortals.ALPHA_HOST, Role.CONTRIBUTOR).get("/quan-tri/luu-tru").body()).selectFirst("table.archived-items");
        assertTrue(offline != null && offline.text().contains("Tin tin-sau-nam-truoc") && offline.text().contains("Đã lưu trữ")
                && offline.text().contains("Hết thời hạn lưu giữ"), String.valueOf(offline));
        assertEquals(0, number("SELECT count(*) FROM t_alpha.retention_overrides WHERE item_id = " + old), "no override after the period");
    }

    @Test
    void aLegalDocumentStaysWhileInForceAndAnExpiredOneForItsKeptOnlineMonths() {
        long valid = document("quyet-dinh-con-hieu-luc", "valid", null, "6 years");
        long expiredLongAgo = document("quyet-dinh-het-hieu-luc-lau", "expired", "13 months", "2 years");
        long expiredRecently = document("quyet-dinh-vua-het-hieu-luc", "expired", "2 months", "2 years");

        HttpResponse<String> inForce = api(alpha, staff, Role.DEPUTY_HEAD, valid, "take-down", "Không còn phù hợp");
        assertEquals(403, inForce.statusCode());
        assertTrue(inForce.body().contains("văn bản còn hiệu lực được đăng liên tục trên cổng"), inForce.body());
        HttpResponse<String> recent = api(alpha, staff, Role.DEPUTY_HEAD, expiredRecently, "take-down", "Không còn phù hợp");
        assertEquals(403, recent.statusCode());
        String keptUntil = DAY.format(LocalDate.parse(string("SELECT (expires_on + interval '12 months')::date::text FROM t_alpha.legal_documents"
                + " WHERE item_id = " + expiredRecently)));
        assertTrue(recent.body().contains("văn bản hết hiệu lực được giữ trên cổng 12 tháng, đến ngày " + keptUntil), recent.body());

        assertEquals(200, api(alpha, staff, Role.DEPUTY_HEAD, expiredLongAgo, "take-down", "Hết thời hạn giữ").statusCode(),
                "an expired document past its twelve months goes, though it was published only two years ago");
    }

    @Test
    void anAboutPageInUseAndAProcedureInForceStayOnlineUntilReplacedThenTheOrdinaryPeriodApplies() {
        long about = item("page", "gioi-thieu-cu", "6 years");
        SqlProbe.run(this::jdbc, "INSERT INTO t_alpha.standing_pages (role, language, item_id) VALUES ('history', 'en', " + about + ")"
                + " ON CONFLICT (role, language) DO UPDATE SET item_id = excluded.item_id");
        long procedure = item("procedure", "thu-tuc-cap-phep", "6 years");
        SqlProbe.run(this::jdbc, "INSERT INTO t_alpha.procedures (item_id, service_level, unit) VALUES (" + procedure + ", 2, 'Văn phòng')");

        HttpResponse<String> page = api(alpha, staff, Role.DEPUTY_HEAD, about, "archive", "Đã cũ");
        assertEquals(403, page.statusCode(), "six years old, but the about page the portal shows");
        assertTrue(page.body().contains("thông tin giới thiệu đang dùng trên cổng được đăng liên tục"), page.body());
        HttpResponse<String> inForce = api(alpha, staff, Role.DEPUTY_HEAD, procedure, "take-down", "Không còn phù hợp");
        assertEquals(403, inForce.statusCode());
        assertTrue(inForce.body().contains("thủ tục hành chính còn hiệu lực được đăng liên tục trên cổng"), inForce.body());
        SqlProbe.run(this::jdbc, "UPDATE t_alpha.procedures SET ends_on = current_date + 30 WHERE item_id = " + procedure);
        assertEquals(403, api(alpha, staff, Role.DEPUTY_HEAD, procedure, "take-down", "Sắp bãi bỏ").statusCode(), "ends in 30 days: still in force");

        // replaced: the page no longer shown as the portal's history, the procedure abolished yesterday; six years is past the five
        SqlProbe.run(this::jdbc, "DELETE FROM t_alpha.standing_pages WHERE item_id = " + about,
                "UPDATE t_alpha.procedures SET ends_on = current_date - 1 WHERE item_id = " + procedure);
        assertEquals(200, api(alpha, staff, Role.DEPUTY_HEAD, about, "archive", "Đã được thay thế").statusCode());
        assertEquals(200, api(alpha, staff, Role.DEPUTY_HEAD, procedure, "take-down", "Thủ tục đã bị bãi bỏ").statusCode());
        assertEquals("archived", state(about));
        assertEquals("taken_down", state(procedure));

        long recent = item("procedure", "thu-tuc-moi-bai-bo", "1 year");
        SqlProbe.run(this::jdbc, "INSERT INTO t_alpha.procedures (item_id, service_level, unit, ends_on) VALUES (" + recent
                + ", 2, 'Văn phòng', current_date - 1)");
        HttpResponse<String> ordinary = api(alpha, staff, Role.DEPUTY_HEAD, recent, "take-down", "Thủ tục đã bị bãi bỏ");
        assertEquals(403, ordinary.statusCode(), "abolished, but published a year ago: the ordinary five years");
        assertTrue(ordinary.body().contains("tin bài đã đăng được lưu giữ trên cổng ít nhất 5 năm"), ordinary.body());
    }

    /** A published item of {@code kind} published {@code publishedAgo} ago. */
    private long item(String kind, String slug, String publishedAgo) {
        SqlProbe.run(this::jdbc, """
                INSERT INTO t_alpha.content_items (kind, language, slug, title, summary, body_html, state, published_at)
                VALUES ('%s', 'en', '%s', 'Mục %s', 'Tóm tắt', '<p>Nội dung.</p>', 'published', now() - interval '%s')"""
                .formatted(kind, slug, slug, publishedAgo));
        return number("SELECT id FROM t_alpha.content_items WHERE slug = '" + slug + "'");
    }

    /** A legal document published {@code publishedAgo} ago, with its status and (if expired) its expiry that long ago. */
    private long document(String slug, String status, String expiredAgo, String publishedAgo) {
        SqlProbe.run(this::jdbc, """
                INSERT INTO t_alpha.content_items (kind, language, slug, title, summary, body_html, state, published_at)
                VALUES ('document', 'vi', '%s', 'Văn bản %s', 'Văn bản', '<p>Nội dung.</p>', 'published', now() - interval '%s')"""
                .formatted(slug, slug, publishedAgo), """
                INSERT INTO t_alpha.legal_documents (item_id, number, type_code, issuer, issued_on, expires_on, status)
                SELECT id, '%s', (SELECT code FROM t_alpha.document_types LIMIT 1), 'Bộ Khoa học và Công nghệ', current_date - 900, %s, '%s'
                FROM t_alpha.content_items WHERE slug = '%s'""".formatted(slug.substring(0, 10), expiredAgo == null ? "NULL"
                : "(current_date - interval '" + expiredAgo + "')::date", status, slug));
        return number("SELECT id FROM t_alpha.content_items WHERE slug = '" + slug + "'");
    }

    @Test
    void retentionYearsIsTheTenantsProfileValueAndAChangeOnAlphaLeavesBetaHeld() {
        long alphaItem = published("tin-alpha-khong-thoi-han");
        SavedItem betaDraft = Staff.draft(publishing, beta, number("SELECT id FROM t_beta.sections ORDER BY id LIMIT 1"),
                "tin-beta-con-luu-giu", betaStaff.get(Role.EDITOR));
        long betaItem = publish.publishDirectly(beta, betaDraft.id(), betaDraft.version(), betaStaff.get(Role.EDITOR)).block().itemId();
        try {
            assertTrue(profiles.set(alpha, ProfileValue.RETENTION_YEARS, "0", staff.get(Role.HEAD).id()).block());
            var alphaProfile = profiles.profile(alpha).block();
            assertTrue(alphaProfile.rows().stream().anyMatch(r -> r.value() == ProfileValue.RETENTION_YEARS && r.differs()));
            assertEquals("5", profiles.profile(beta).block().values().get(ProfileValue.RETENTION_YEARS), "beta keeps its preset");

            assertEquals(200, api(alpha, staff, Role.DEPUTY_HEAD, alphaItem, "take-down", "Không còn phù hợp").statusCode());
            String betaToken = tokens.issue(beta, betaStaff.get(Role.DEPUTY_HEAD).id(), "Kiểm thử", 1).block().token();
            int betaVersion = (int) number("SELECT version FROM t_beta.content_items WHERE id = " + betaItem);
            HttpResponse<String> betaRefused = new Browser(server.getPort(), TwoPortals.BETA_HOST).postJson("/api/v1/items/" + betaItem
                    + "/steps/take-down", "{\"version\": " + betaVersion + ", \"text\": \"Không còn phù hợp\"}",
                    Map.of("Authorization", "Bearer " + betaToken, "Accept", "application/json"));
            assertEquals(403, betaRefused.statusCode(), "beta's items are still held five years");
        } finally {
            profiles.set(alpha, ProfileValue.RETENTION_YEARS, "5", null).block();
        }
    }

    @Test
    void anotherTenantNeitherSeesNorRemovesAlphasItems() {
        long id = published("tin-rieng-cua-alpha");
        // item ids are per schema: beta may hold an item with the same number, which is then beta's own (never alpha's)
        int missing = number("SELECT count(*) FROM t_beta.content_items WHERE id = " + id) == 0 ? 404 : 409;
        Browser betaHead = as(TwoPortals.BETA_HOST, Role.HEAD);
        String token = csrfToken(betaHead.get("/quan-tri/luu-tru"));
        for (String s : new String[]{"go-bo", "go-bo-theo-can-cu-phap-ly", "luu-tru"}) {
            HttpResponse<String> answer = betaHead.postForm("/quan-tri/quy-trinh/" + id + "/buoc/" + s,
                    Map.of("csrfToken", token, "version", "2", "text", "Quyết định 1/QĐ", "comment", "x"));
            assertTrue(answer.statusCode() == missing || answer.statusCode() == 403, s + ": " + answer.statusCode());
        }
        String betaToken = tokens.issue(beta, betaStaff.get(Role.HEAD).id(), "Kiểm thử", 1).block().token();
        for (String s : new String[]{"take-down", "take-down-with-legal-basis", "archive"}) {
            HttpResponse<String> answer = new Browser(server.getPort(), TwoPortals.BETA_HOST).postJson("/api/v1/items/" + id + "/steps/" + s,
                    "{\"version\": 2, \"text\": \"Quyết định 1/QĐ\"}", Map.of("Authorization", "Bearer " + betaToken, "Accept", "application/json"));
            assertTrue(answer.statusCode() == missing || answer.statusCode() == 403, s + ": " + answer.body());
        }
        assertEquals("published", state(id));

        long overridden = published("tin-alpha-go-theo-can-cu");
        assertEquals(200, api(alpha, staff, Role.HEAD, overridden, "take-down-with-legal-basis", "Bản án số 5/2026").statusCode());
        String betaArchive = text(betaHead.get("/quan-tri/luu-tru"));
        assertFalse(betaArchive.contains("tin-alpha-go-theo-can-cu") || betaArchive.contains("Bản án số 5/2026"), betaArchive);
    }
}
