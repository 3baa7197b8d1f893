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
import vn.cong.admin.StaffForms;
import vn.cong.api.ApiTokens;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.tenancy.Tenant;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The profile values beyond approval and deadlines (issue 12, item 2): backups, retention, rejection
 * reasons, the citation for reuse and a document's confirmations carry each seed's value, the tenant admin
 * changes them (audited, shown as differing) without touching another tenant, and a document's submission
 * needs the confirmations where the profile requires them (000 Đ10.1đ).
 */
@MicronautTest(transactional = false)
class ProfileValuesTest extends PlatformTestSupport {

    @Inject EmbeddedServer server;
    @Inject ApplicationContext context;
    @Inject AccountAdministration accounts;
    @Inject Publishing publishing;
    @Inject RegulationProfiles profiles;
    @Inject ApiTokens tokens;
    @Inject SubmitItem submit;
    @Inject RejectItem reject;
    @Inject PublishItem publish;

    private Tenant alpha;
    private Tenant beta;
    private Staff staff;

    @BeforeAll
    void setUp() {
        TwoPortals portals = TwoPortals.onboard(context);
        alpha = portals.alpha();
        beta = portals.beta();
        staff = Staff.create(accounts, alpha);
    }

    @Test
    void eachPresetCarriesItsSeedsValues() {
        Map<ProfileValue, String> most = RegulationPreset.MOST.presetValues();
        Map<ProfileValue, String> moha = RegulationPreset.MOHA.presetValues();
        Map<ProfileValue, String> binhDinh = RegulationPreset.BINH_DINH.presetValues();
        Map<ProfileValue, String> haiPhong = RegulationPreset.HAI_PHONG.presetValues();
        assertEquals("twice-weekly", most.get(ProfileValue.BACKUP_FREQUENCY), "000 Đ7.2a: at least twice a week");
        assertEquals("daily", haiPhong.get(ProfileValue.BACKUP_FREQUENCY), "003 Đ10.1: at least once a day");
        assertEquals("moha", moha.get(ProfileValue.CITATION));
        assertTrue(ProfileValue.CITATION.optionLabel("moha").contains("Nguồn: Cổng thông tin điện tử Bộ Nội vụ"), "001 Đ2.5");
        assertEquals("consent", binhDinh.get(ProfileValue.CITATION), "002 Đ5.3: reuse needs the board's consent");
        assertEquals("moha", moha.get(ProfileValue.REJECTION_REASONS));
        assertEquals("haiphong", haiPhong.get(ProfileValue.REJECTION_REASONS));
        assertEquals("required", most.get(ProfileValue.DOCUMENT_CONFIRMATIONS), "000 Đ10.1đ");
        assertEquals("none", binhDinh.get(ProfileValue.DOCUMENT_CONFIRMATIONS));
        for (RegulationPreset p : RegulationPreset.values()) {
            for (ProfileValue v : ProfileValue.values()) {
                assertTrue(v.options().containsKey(p.presetValues().get(v)), p + " " + v + ": the preset's value is one of the options");
            }
        }
    }

    @Test
    void theAdminChangesTheNewValuesAuditedShownAsDifferingAndBetaIsUntouched() {
        Browser admin = new Browser(server.getPort(), TwoPortals.ALPHA_HOST);
        StaffForms.logInOk(admin, "quantri", "MatKhauAlpha2026!");
        try {
            var page = admin.get("/quan-tri/quy-dinh");
            for (var change : Map.of("backup-frequency", "daily", "citation", "consent", "rejection-reasons", "all").entrySet()) {
                var saved = admin.postForm("/quan-tri/quy-dinh/" + change.getKey(), Map.of("value", change.getValue(),
                        "csrfToken", StaffForms.csrfToken(page)));
                assertEquals(303, saved.statusCode(), change + ": " + saved.body());
            }
            var table = Jsoup.parse(admin.get("/quan-tri/quy-dinh").body()).select("tr.differs").text();
            assertTrue(table.contains("Tần suất sao lưu dữ liệu") && table.contains("Tối thiểu 01 lần/ngày")
                    && table.contains("Trích dẫn khi sử dụng lại thông tin") && table.contains("Các trường hợp từ chối đăng"), table);
            assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'regulation.value_changed'"
                    + " AND details->>'key' = 'backup-frequency' AND details->>'from' = 'twice-weekly' AND details->>'to' = 'daily'"));
            assertEquals(3, profiles.profile(alpha).block().differing());

            var betaProfile = profiles.profile(beta).block();
            assertEquals(0, betaProfile.differing(), "beta keeps its preset");
            assertEquals("twice-weekly", betaProfile.values().get(ProfileValue.BACKUP_FREQUENCY));
            assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.regulation_values"));
        } finally {
            profiles.choose(alpha, RegulationPreset.MOST, null).block();
        }
    }

    @Test
    void everyItemPageAndItsPrintViewCarryTheReuseNoticeOfTheTenantsProfile() {
        long section = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
        SavedItem vi = Staff.draft(publishing, alpha, section, "tin-trich-dan", staff.get(Role.EDITOR));
        publish.publishDirectly(alpha, vi.id(), vi.version(), staff.get(Role.EDITOR)).block();
        SavedItem en = publishing.saveDraft(alpha, vn.cong.content.Draft.article(section, "en", "reuse-notice", "Reuse notice",
                "Summary.", "<p>Body.</p>", staff.get(Role.EDITOR).id())).block();
        publish.publishDirectly(alpha, en.id(), en.version(), staff.get(Role.EDITOR)).block();
        Browser visitor = new Browser(server.getPort(), TwoPortals.ALPHA_HOST);
        String alphaHome = "http://" + TwoPortals.ALPHA_HOST;
        try {
            assertEquals("Khi sử dụng lại thông tin, ghi rõ nguồn: Cổng thông tin điện tử " + alpha.nameVi() + ", ",
                    notice(visitor, "/bai-viet/tin-trich-dan").replaceAll("http\\S+\\.$", ""), "MOST: the portal and the item's address");

            profiles.choose(alpha, RegulationPreset.MOHA, null).block();
            String moha = notice(visitor, "/bai-viet/tin-trich-dan");
            assertTrue(moha.startsWith("Khi sử dụng lại thông tin, ghi rõ «Nguồn: Cổng thông tin điện tử " + alpha.nameVi() + "» hoặc «Theo: "
                    + alphaHome), "001 Đ2.5: " + moha);
            assertEquals(moha, notice(visitor, "/bai-viet/tin-trich-dan/in"), "the print view carries it too");
            assertTrue(notice(visitor, "/en/bai-viet/reuse-notice").startsWith("When reusing this information, credit “Source: the "
                    + alpha.nameEn() + " e-portal” or “According to: " + alphaHome), "in English on /en");

            profiles.set(alpha, ProfileValue.CITATION, "consent", null).block();
            assertTrue(notice(visitor, "/bai-viet/tin-trich-dan").startsWith("Sử dụng lại thông tin này phải được Ban biên tập Cổng thông tin điện tử "
                    + alpha.nameVi() + " đồng ý trước"), "002 Đ5.3, as the admin chose");
            assertEquals("portal", profiles.profile(beta).block().values().get(ProfileValue.CITATION), "beta keeps its own");
        } finally {
            profiles.choose(alpha, RegulationPreset.MOST, null).block();
        }
    }

    private static String notice(Browser visitor, String path) {
        var page = visitor.get(path);
        assertEquals(200, page.statusCode(), path);
        return Jsoup.parse(page.body()).select("p.reuse-notice").text();
    }

    @Test
    void aDocumentIsSubmittedOnlyConfirmedNotSecretAndNamingThePortalWhereTheProfileRequiresIt() {
        long section = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
        String token = tokens.issue(alpha, staff.get(Role.CONTRIBUTOR).id(), "Quản lý văn bản", 1).block().token();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
        Browser api = new Browser(server.getPort(), TwoPortals.ALPHA_HOST);
        SavedItem d = publishing.saveDraft(alpha, new Draft(null, 0, "document", section, "vi", "cong-van-xac-nhan", "Công văn số 15/BKHCN-VP",
                "", "<p>Nội dung công văn.</p>", null, null, null, false, staff.get(Role.CONTRIBUTOR).id())).block();
        String stamped = "\"version\": %d, \"sensitivity\": \"routine\", \"eventAt\": \"2026-11-26T10:00:00+07:00\"".formatted(d.version());

        HttpResponse<String> refused = api.postJson("/api/v1/items/" + d.id() + "/submit", "{" + stamped + "}", bearer);
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("không thuộc tài liệu mật") && refused.body().contains("Nơi nhận"), refused.body());
        assertEquals("draft", SqlProbe.string(this::jdbc, "SELECT state FROM t_alpha.content_items WHERE id = " + d.id()));

        HttpResponse<String> half = api.postJson("/api/v1/items/" + d.id() + "/submit", "{" + stamped + ", \"notSecret\": true}", bearer);
        assertEquals(422, half.statusCode());
        assertTrue(half.body().contains("portalAmongRecipients") && !half.body().contains("\"notSecret\""), half.body());

        HttpResponse<String> sent = api.postJson("/api/v1/items/" + d.id() + "/submit",
                "{" + stamped + ", \"notSecret\": true, \"portalAmongRecipients\": true}", bearer);
        assertEquals(200, sent.statusCode(), sent.body());
    }

    @Test
    void theStaffFormKeepsWhatWasTypedWhenAConfirmationIsMissingAndArticlesNeedNone() {
        long section = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
        SavedItem d = publishing.saveDraft(alpha, new Draft(null, 0, "document", section, "vi", "quyet-dinh-xac-nhan", "Quyết định số 20/QĐ-BKHCN",
                "", "<p>Nội dung quyết định.</p>", null, null, null, false, staff.get(Role.CONTRIBUTOR).id())).block();
        Browser contributor = new Browser(server.getPort(), TwoPortals.ALPHA_HOST);
        StaffForms.logInOk(contributor, Staff.USERNAMES.get(Role.CONTRIBUTOR), Staff.PASSWORD);
        var form = contributor.get("/quan-tri/quy-trinh/" + d.id() + "/gui");
        Map<String, String> fields = new java.util.HashMap<>(Map.of("csrfToken", StaffForms.csrfToken(form), "version", String.valueOf(d.version()),
                "unit", "Văn phòng Bộ", "name", "Lê Văn Thư", "email", "thu@alpha.gov.vn", "phone", "024 3943 2222",
                "sensitivity", "routine", "eventAt", "2026-11-26T10:00", "notSecret", "on"));
        var refused = contributor.postForm("/quan-tri/quy-trinh/" + d.id() + "/gui", fields);
        assertEquals(400, refused.statusCode());
        assertTrue(StaffForms.text(refused).contains("Hãy xác nhận mục Nơi nhận của văn bản có ghi Cổng thông tin điện tử"), StaffForms.text(refused));
        var doc = Jsoup.parse(refused.body());
        assertTrue(doc.selectFirst("input[name=notSecret]").hasAttr("checked") && "Lê Văn Thư".equals(doc.selectFirst("input[name=name]").val()),
                "what was typed is kept");
        fields.put("portalAmongRecipients", "on");
        assertEquals(303, contributor.postForm("/quan-tri/quy-trinh/" + d.id() + "/gui", fields).statusCode());

        SavedItem article = Staff.draft(publishing, alpha, section, "tin-khong-can-xac-nhan", staff.get(Role.CONTRIBUTOR));
        assertEquals("submitted", submitOk(article));
    }

    @Test
    void theRejectStepAcceptsOnlyTheCasesTheTenantsRegulationLists() {
        long section = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
        SavedItem article = Staff.draft(publishing, alpha, section, "tin-tu-choi-theo-quy-che", staff.get(Role.CONTRIBUTOR));
        submitOk(article);
        int version = (int) SqlProbe.number(this::jdbc, "SELECT version FROM t_alpha.content_items WHERE id = " + article.id());
        try {
            profiles.set(alpha, ProfileValue.REJECTION_REASONS, "haiphong", null).block();
            SubmissionRejected refused = org.junit.jupiter.api.Assertions.assertThrows(SubmissionRejected.class, () -> reject.reject(alpha,
                    article.id(), version, staff.get(Role.EDITOR), RejectionReason.DUPLICATE.db(), null).block());
            assertTrue(refused.problems().get("reason").contains("không thuộc các trường hợp từ chối theo quy định cổng áp dụng (Điều 16"),
                    refused.problems().toString());
            assertEquals("submitted", SqlProbe.string(this::jdbc, "SELECT state FROM t_alpha.content_items WHERE id = " + article.id()));
            assertEquals("rejected", reject.reject(alpha, article.id(), version, staff.get(Role.EDITOR), RejectionReason.UNVERIFIED.db(), null)
                    .block().state(), "a case Hải Phòng's Điều 16 lists");
        } finally {
            profiles.choose(alpha, RegulationPreset.MOST, null).block();
        }
    }

    private String submitOk(SavedItem article) {
        return submit.submit(alpha, article.id(), article.version(), staff.get(Role.CONTRIBUTOR), Staff.submission(Sensitivity.ROUTINE))
                .block().state();
    }
}
