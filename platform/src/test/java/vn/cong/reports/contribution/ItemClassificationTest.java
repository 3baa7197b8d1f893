package vn.cong.reports.contribution;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.content.Publishing;
import vn.cong.content.classification.Classification;
import vn.cong.content.classification.Classifications;
import vn.cong.content.classification.Topic;
import vn.cong.content.classification.Topics;
import vn.cong.engagement.Units;
import vn.cong.system.VietnamTime;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;
import vn.cong.workflow.Sensitivity;
import vn.cong.workflow.Staff;
import vn.cong.workflow.SubmitItem;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;

/** Items submitted through the workflow reach the report from their submission; the board classifies them on the item's page. */
@MicronautTest(transactional = false)
class ItemClassificationTest extends PlatformTestSupport {

    @Inject
    ApplicationContext context;
    @Inject
    AccountAdministration accounts;
    @Inject
    Publishing publishing;
    @Inject
    SubmitItem submit;
    @Inject
    Units units;
    @Inject
    Topics topics;
    @Inject
    Classifications classifications;
    @Inject
    ContributionReports reports;

    TwoPortals portals;
    Staff staff;
    long itemId;
    Topic digital;

    @BeforeAll
    void submitOneItem() throws SQLException {
        portals = TwoPortals.onboard(context);
        staff = Staff.create(accounts, portals.alpha());
        units.declare(portals.alpha(), List.of(new Units.Declared("Phòng Tổng hợp", null, null, null, null, true, false))).block();
        topics.declare(portals.alpha(), List.of("Chuyển đổi số", "Các chủ đề khác")).block();
        digital = topics.all(portals.alpha()).block().get(0);
        long section;
        try (var c = jdbc(); var s = c.createStatement()) {
            var r = s.executeQuery("SELECT id FROM t_alpha.sections ORDER BY id LIMIT 1");
            r.next();
            section = r.getLong(1);
        }
        var draft = Staff.draft(publishing, portals.alpha(), section, "tin-phan-loai", staff.get(Role.CONTRIBUTOR));
        itemId = draft.id();
        submit.submit(portals.alpha(), itemId, draft.version(), staff.get(Role.CONTRIBUTOR), Staff.submission(Sensitivity.ROUTINE)).block();
    }

    private ContributionReport thisMonth() {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        return reports.report(portals.alpha(), Period.month(today.getYear(), today.getMonthValue())).block();
    }

    @Test
    void aSubmittedItemCountsAsSuppliedByItsUnitFromItsSubmission() {
        ContributionReport report = thisMonth();
        assertEquals(1, report.supplied(), "the manifest's article was never submitted: it counts as found");
        assertEquals(1, report.units().stream().filter(u -> u.name().equals("Phòng Tổng hợp")).findFirst().orElseThrow().total());
    }

    @Test
    void theBoardClassifiesAnItemOnItsPageAndBadInputKeepsWhatWasChosen() {
        Browser editor = portals.editor(portals.alpha());
        String path = "/quan-tri/quy-trinh/" + itemId + "/phan-loai";
        HttpResponse<String> page = editor.get(path);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Chuyển đổi số"), "the tenant's topics are offered");

        Map<String, String> bad = new HashMap<>(Map.of("csrfToken", csrfToken(page), "origin", "supplied", "topic", String.valueOf(digital.id()),
                "genre", "tho-ca"));
        HttpResponse<String> refused = editor.postForm(path, bad);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Thể loại phải là"), refused.body());
        assertTrue(refused.body().matches("(?s).*value=\"" + digital.id() + "\"[^>]*selected.*"), "the chosen topic is kept");

        Map<String, String> good = new HashMap<>(bad);
        good.put("genre", "analysis");
        assertEquals(303, editor.postForm(path, good).statusCode());
        assertEquals(new Classification("supplied", digital.id(), "analysis"), classifications.of(portals.alpha(), itemId).block());
        ContributionReport report = thisMonth();
        assertEquals(1, report.units().get(0).analyses());
        assertEquals(1, report.topics().get(0).items());
    }

    @Test
    void aManifestDeclaresTheTopicListOrSeed004sPreset() {
        String gamma = vn.cong.testing.TestTenants.read("manifests/gamma.yaml");
        var parsed = vn.cong.tenancy.manifest.ManifestReader.parse(gamma + "\ntopics: most\n");
        assertTrue(parsed.errors().isEmpty(), parsed.errors().toString());
        context.getBean(vn.cong.onboarding.Onboarding.class).onboard(parsed).block();
        var tenant = context.getBean(vn.cong.tenancy.TenantRegistry.class).findByCode("gamma").orElseThrow();
        assertEquals(Topics.MOST_PRESET, topics.all(tenant).block().stream().map(Topic::name).toList());
        var bad = vn.cong.tenancy.manifest.ManifestReader.parse(gamma + "\ntopics: [\"Tuyển sinh\", \"\"]\n");
        assertEquals(List.of("topics[1]"), bad.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void aContributorCannotClassifyAndAnotherPortalNeverReachesTheItem() {
        Browser contributor = portals.loggedIn(TwoPortals.ALPHA_HOST, Staff.USERNAMES.get(Role.CONTRIBUTOR), Staff.PASSWORD);
        String path = "/quan-tri/quy-trinh/" + itemId + "/phan-loai";
        HttpResponse<String> page = contributor.get(path);
        HttpResponse<String> refused = contributor.postForm(path, Map.of("csrfToken", csrfToken(page), "origin", "found", "topic", "", "genre", ""));
        assertEquals(403, refused.statusCode());

        Browser beta = portals.editor(portals.beta());
        HttpResponse<String> betaPage = beta.get("/quan-tri/quy-trinh");
        beta.postForm(path, Map.of("csrfToken", csrfToken(betaPage), "origin", "found", "topic", "", "genre", "news"));
        Classification kept = classifications.of(portals.alpha(), itemId).block();
        assertTrue(!"found".equals(kept.origin()), "beta's editor changed nothing of alpha's: " + kept);
    }

    private long sectionId() {
        return vn.cong.testing.SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections ORDER BY id LIMIT 1");
    }

    private Map<String, String> article(String csrf, String slug, String version, String origin, String topic, String genre, String unit) {
        Map<String, String> form = new HashMap<>(Map.of("csrfToken", csrf, "title", "Tin " + slug, "slug", slug, "sectionId",
                String.valueOf(sectionId()), "language", "vi", "summary", "Tóm tắt.", "body", "<p>Nội dung.</p>", "version", version));
        form.putAll(Map.of("origin", origin, "topic", topic, "genre", genre, "unit", unit));
        return form;
    }

    @Test
    void theEditorClassifiesAnArticleOnItsEditFormAndBadInputKeepsWhatWasTyped() {
        long unit = units.named(portals.alpha(), "Phòng Tổng hợp").block().orElseThrow().id();
        Browser editor = portals.editor(portals.alpha());
        HttpResponse<String> blank = editor.get("/quan-tri/bai-viet/moi");
        assertTrue(blank.body().contains("Phân loại cho báo cáo đóng góp tin bài") && blank.body().contains("Chuyển đổi số"));
        HttpResponse<String> refused = editor.postForm("/quan-tri/bai-viet",
                article(csrfToken(blank), "tin-form-phan-loai", "0", "supplied", "999999", "news", String.valueOf(unit)));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Chủ đề đã chọn không có trong danh sách"), "validated against the topic list");
        assertTrue(refused.body().matches("(?s).*value=\"" + unit + "\"[^>]*selected.*"), "the chosen unit is kept");
        assertTrue(refused.body().contains("Tin tin-form-phan-loai"), "the text is kept");
        assertEquals(0, vn.cong.testing.SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.content_items WHERE slug = 'tin-form-phan-loai'"),
                "nothing was saved");

        HttpResponse<String> created = editor.postForm("/quan-tri/bai-viet",
                article(csrfToken(blank), "tin-form-phan-loai", "0", "supplied", String.valueOf(digital.id()), "news", String.valueOf(unit)));
        assertEquals(303, created.statusCode(), created.body());
        long id = vn.cong.testing.SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.content_items WHERE slug = 'tin-form-phan-loai'");
        assertEquals(new Classification("supplied", digital.id(), "news"), classifications.of(portals.alpha(), id).block());
        assertEquals(java.util.Optional.of(unit), classifications.unitOf(portals.alpha(), id).block());
        assertTrue(vn.cong.testing.SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'item.classified'"
                + " AND (details ->> 'item')::bigint = " + id + " AND (details ->> 'unit')::bigint = " + unit) == 1, "audited");
        HttpResponse<String> edit = editor.get("/quan-tri/bai-viet/" + id);
        assertTrue(edit.body().matches("(?s).*value=\"news\"[^>]*selected.*"), "the form shows the stored genre");

        HttpResponse<String> badGenre = editor.postForm("/quan-tri/bai-viet/" + id,
                article(csrfToken(edit), "tin-form-phan-loai", "1", "found", String.valueOf(digital.id()), "tho-ca", ""));
        assertEquals(400, badGenre.statusCode());
        assertTrue(badGenre.body().contains("Thể loại phải là"));
        assertTrue(badGenre.body().matches("(?s).*value=\"found\"[^>]*selected.*"), "the typed origin is kept");
        assertEquals("news", classifications.of(portals.alpha(), id).block().genre(), "unchanged");
    }

    @Test
    void theTopicListIsManagedByTheAdminAndATopicInUseIsRetiredNeverDeleted() {
        Browser admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> page = admin.get("/quan-tri/chu-de");
        assertEquals(200, page.statusCode());
        String csrf = csrfToken(page);
        HttpResponse<String> blank = admin.postForm("/quan-tri/chu-de", Map.of("csrfToken", csrf, "id", "", "name", " ", "nameEn", "Education"));
        assertEquals(400, blank.statusCode());
        assertTrue(blank.body().contains("Vui lòng nhập tên chủ đề") && blank.body().contains("Education"), "message, typed value kept");
        assertEquals(400, admin.postForm("/quan-tri/chu-de", Map.of("csrfToken", csrf, "id", "", "name", "chuyển  đổi số", "nameEn", "")).statusCode(),
                "a name the list has");
        assertEquals(303, admin.postForm("/quan-tri/chu-de", Map.of("csrfToken", csrf, "id", "", "name", "Giáo dục", "nameEn", "Education")).statusCode());
        Topic added = topics.all(portals.alpha()).block().stream().filter(t -> t.name().equals("Giáo dục")).findFirst().orElseThrow();
        assertEquals(303, admin.postForm("/quan-tri/chu-de", Map.of("csrfToken", csrf, "id", String.valueOf(added.id()),
                "name", "Giáo dục, đào tạo", "nameEn", "Education and training")).statusCode());
        assertEquals(303, admin.postForm("/quan-tri/chu-de/" + added.id() + "/len", Map.of("csrfToken", csrf)).statusCode());
        List<Topic> list = topics.all(portals.alpha()).block();
        assertEquals("Giáo dục, đào tạo", list.get(list.size() - 2).name(), "moved up one place");
        assertEquals("Education and training", list.get(list.size() - 2).nameEn());

        long inUse0 = Staff.draft(publishing, portals.alpha(), sectionId(), "tin-chu-de-giao-duc", staff.get(Role.EDITOR)).id();
        classifications.set(portals.alpha(), inUse0, null, new Classification("supplied", added.id(), "news")).block();
        HttpResponse<String> inUse = admin.postForm("/quan-tri/chu-de/" + added.id() + "/xoa", Map.of("csrfToken", csrf));
        assertEquals(409, inUse.statusCode());
        assertTrue(inUse.body().contains("không xóa được"));
        assertEquals(303, admin.postForm("/quan-tri/chu-de/" + added.id() + "/ngung", Map.of("csrfToken", csrf)).statusCode());
        assertFalse(admin.get("/quan-tri/bai-viet/moi").body().contains("Giáo dục, đào tạo"), "a retired topic is not offered");
        assertEquals(Map.of("topic", "Chủ đề đã chọn không có trong danh sách chủ đề đang dùng của cổng."),
                classifications.problems(portals.alpha(), null, new Classification(null, added.id(), null), null).block());
        assertTrue(classifications.problems(portals.alpha(), inUse0, new Classification(null, added.id(), null), null).block().isEmpty(),
                "the item that has it keeps it");
        assertTrue(thisMonth().topics().stream().anyMatch(t -> t.name().equals("Giáo dục, đào tạo")), "the report keeps it while items have it");
        assertEquals(List.of("topic.added", "topic.renamed", "topic.moved", "topic.retired"), vn.cong.testing.SqlProbe.column(this::jdbc,
                "SELECT action FROM t_alpha.audit_log WHERE action LIKE 'topic.%' ORDER BY id"));

        Browser editor = portals.editor(portals.alpha());
        assertEquals(403, editor.get("/quan-tri/chu-de").statusCode());
        Browser beta = portals.loggedIn(TwoPortals.BETA_HOST, "quantri", "MatKhauBeta2026!");
        HttpResponse<String> betaPage = beta.get("/quan-tri/chu-de");
        assertFalse(betaPage.body().contains("Chuyển đổi số"), "beta's list is its own");
        assertEquals(404, beta.postForm("/quan-tri/chu-de/" + digital.id() + "/ngung", Map.of("csrfToken", csrfToken(betaPage))).statusCode());
        assertEquals(404, beta.postForm("/quan-tri/chu-de", Map.of("csrfToken", csrfToken(betaPage), "id", String.valueOf(digital.id()),
                "name", "Đổi tên", "nameEn", "")).statusCode());
        assertEquals("Chuyển đổi số", topics.all(portals.alpha()).block().get(0).name());
        assertFalse(topics.all(portals.alpha()).block().get(0).retired());
    }
}
