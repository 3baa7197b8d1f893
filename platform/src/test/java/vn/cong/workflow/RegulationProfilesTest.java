package vn.cong.workflow;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.admin.StaffForms;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regulation profiles (issue 12, item 2): the manifest's {@code profile:} with {@code workflow:} as an
 * override, MOHA's and Bình Định's approval policies end to end, values changed by the tenant admin
 * (audited, shown as differing from the preset), and a change on one tenant leaving another untouched.
 */
@MicronautTest(transactional = false)
class RegulationProfilesTest extends PlatformTestSupport {

    @Inject EmbeddedServer server;
    @Inject Onboarding onboarding;
    @Inject TenantRegistry registry;
    @Inject AccountAdministration accounts;
    @Inject Publishing publishing;
    @Inject WorkflowPolicies policies;
    @Inject RegulationProfiles profiles;
    @Inject SubmitItem submit;
    @Inject TakeForEditing take;
    @Inject SendForApproval send;
    @Inject ApproveItem approve;
    @Inject PublishItem publish;
    @Inject WorkflowCatalog catalog;
    @Inject ItemDeadlines itemDeadlines;

    private Tenant alpha;
    private Tenant beta;
    private Staff alphaStaff;
    private Staff betaStaff;
    private int slugs;

    @BeforeAll
    void setUp() {
        TestTenants.onboard(onboarding, "ministry");
        alpha = onboardWith("alpha", "profile: moha");
        beta = onboardWith("beta", "profile: binhdinh");
        alphaStaff = Staff.create(accounts, alpha);
        betaStaff = Staff.create(accounts, beta);
    }

    private Tenant onboardWith(String manifest, String extra) {
        var parsed = ManifestReader.parse(TestTenants.read("manifests/" + manifest + ".yaml") + "\n" + extra + "\n");
        assertTrue(parsed.isValid(), parsed.errors().toString());
        var report = onboarding.onboard(parsed.value()).block();
        assertTrue(report.isValid(), report.toString());
        return registry.findByCode(manifest).orElseThrow();
    }

    private Outcome editing(Tenant t, Staff staff, Sensitivity sensitivity) {
        long section = SqlProbe.number(this::jdbc, "SELECT id FROM " + t.schema() + ".sections WHERE slug = 'tin-hoat-dong'");
        SavedItem draft = Staff.draft(publishing, t, section, "tin-" + (++slugs), staff.get(Role.CONTRIBUTOR));
        Outcome submitted = submit.submit(t, draft.id(), draft.version(), staff.get(Role.CONTRIBUTOR), Staff.submission(sensitivity)).block();
        Outcome taken = take.take(t, draft.id(), submitted.version(), staff.get(Role.EDITOR)).block();
        return send.send(t, taken.itemId(), taken.version(), staff.get(Role.EDITOR), "Đã biên tập").block();
    }

    private Outcome approveAs(Tenant t, Outcome o, Actor who) {
        return approve.approve(t, o.itemId(), o.version(), who, "Đồng ý").block();
    }

    @Test
    void theManifestsProfileChoosesTheAgencysPolicyAndDeadlines() {
        ApprovalPolicy moha = policies.current(alpha).block();
        assertEquals("moha", moha.code());
        assertEquals("moha", moha.deadlinePreset(), "MOHA's deadline preset can be chosen");
        assertEquals(vn.cong.workflow.deadline.DeadlineReadings.Hours.WORKING, moha.deadlineReadings().hours());
        ApprovalPolicy binhDinh = policies.current(beta).block();
        assertEquals("binhdinh", binhDinh.code());
        assertEquals(List.of(1, 1, 1), List.of(binhDinh.requiredLevels(Sensitivity.ROUTINE), binhDinh.requiredLevels(Sensitivity.SENSITIVE),
                binhDinh.requiredLevels(Sensitivity.ESPECIALLY_SENSITIVE)));
    }

    @Test
    void workflowOverridesTheProfilesApprovalPolicyAndShowsAsDiffering() {
        Tenant gamma = onboardWith("gamma", "profile: haiphong\nworkflow: most");
        RegulationProfiles.Profile profile = profiles.profile(gamma).block();
        assertEquals(RegulationPreset.HAI_PHONG, profile.preset());
        assertEquals("most", policies.current(gamma).block().code(), "workflow: wins over the profile's approval policy");
        var approval = profile.rows().stream().filter(r -> r.value() == ProfileValue.APPROVAL).findFirst().orElseThrow();
        assertTrue(approval.differs());
        assertEquals("haiphong", approval.presetCode());
        var deadlines = profile.rows().stream().filter(r -> r.value() == ProfileValue.DEADLINES).findFirst().orElseThrow();
        assertEquals("most", deadlines.currentCode(), "deadline rules the admin did not set follow the approval policy");
        assertEquals(2, profile.differing());
        var bad = ManifestReader.parse(TestTenants.read("manifests/gamma.yaml") + "\nprofile: hanoi\n");
        assertTrue(bad.errors().stream().anyMatch(e -> e.field().equals("profile") && e.message().contains("binhdinh")), bad.errors().toString());
    }

    @Test
    void mohaRoutineItemIsApprovedByADeputyEditorInChief() {
        Outcome o = editing(alpha, alphaStaff, Sensitivity.ROUTINE);
        assertEquals("awaiting_approval", o.state(), "at MOHA nothing goes online without the editor-in-chief or a deputy");
        WorkflowRefused approver = assertThrows(WorkflowRefused.class, () -> approveAs(alpha, o, alphaStaff.get(Role.APPROVER)));
        assertTrue(approver.getMessage().contains("không có quyền duyệt"), approver.getMessage());
        Outcome approved = approveAs(alpha, o, alphaStaff.get(Role.DEPUTY_HEAD));
        assertEquals("approved", approved.state());
        assertEquals("published", publish.publish(alpha, approved.itemId(), approved.version(), alphaStaff.get(Role.EDITOR), null).block().state());
    }

    @Test
    void mohaSensitiveItemGoesToTheEditorInChiefHimself() {
        Outcome o = approveAs(alpha, editing(alpha, alphaStaff, Sensitivity.SENSITIVE), alphaStaff.get(Role.DEPUTY_HEAD));
        assertEquals("awaiting_approval", o.state(), "a deputy passes it up to the editor-in-chief");
        WorkflowRefused deputy = assertThrows(WorkflowRefused.class, () -> approveAs(alpha, o, alphaStaff.get(Role.DEPUTY_HEAD)));
        assertTrue(deputy.getMessage().contains("không có quyền duyệt"), deputy.getMessage());
        assertEquals("approved", approveAs(alpha, o, alphaStaff.get(Role.HEAD)).state());
    }

    @Test
    void binhDinhEveryItemIsApprovedOnceByTheHeadOrTheDelegate() {
        Outcome routine = editing(beta, betaStaff, Sensitivity.ROUTINE);
        assertEquals("awaiting_approval", routine.state(), "even a routine item needs the head's approval");
        assertThrows(WorkflowRefused.class, () -> approveAs(beta, routine, betaStaff.get(Role.APPROVER)));
        assertEquals("approved", approveAs(beta, routine, betaStaff.get(Role.DEPUTY_HEAD)).state(), "the delegate approves");
        Outcome especially = editing(beta, betaStaff, Sensitivity.ESPECIALLY_SENSITIVE);
        Outcome approved = approveAs(beta, especially, betaStaff.get(Role.HEAD));
        assertEquals("approved", approved.state(), "one level, whatever the sensitivity");
        assertEquals("published", publish.publish(beta, approved.itemId(), approved.version(), betaStaff.get(Role.EDITOR), null).block().state());
        // Bình Định's regulation sets no publishing deadline, and none is invented
        assertEquals(List.of(), catalog.item(beta, approved.itemId()).block().orElseThrow().deadlines());
    }

    @Test
    void theTenantAdminChangesAValueAuditedShownAsDifferingAndOtherTenantsAreUntouched() {
        Browser admin = new Browser(server.getPort(), "alpha.most.localhost");
        StaffForms.logInOk(admin, "quantri", "MatKhauAlpha2026!");
        var page = admin.get("/quan-tri/quy-dinh");
        assertEquals(200, page.statusCode());
        String text = StaffForms.text(page);
        assertTrue(text.contains("Bộ Nội vụ (Quy chế 2018)") && text.contains("Mọi giá trị theo bộ quy định."), text);

        var saved = admin.postForm("/quan-tri/quy-dinh/noon-stamp", Map.of("value", "before-noon", "csrfToken", StaffForms.csrfToken(page)));
        assertEquals(303, saved.statusCode(), saved.body());
        String after = StaffForms.text(admin.get("/quan-tri/quy-dinh"));
        assertTrue(after.contains("Có 1 giá trị khác bộ quy định.") && after.contains("Tính là trước 12 giờ (đăng trong ngày) Khác"), after);
        assertEquals("before-noon", SqlProbe.string(this::jdbc, "SELECT value FROM t_alpha.regulation_values WHERE key = 'noon-stamp'"));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'regulation.value_changed'"
                + " AND details->>'key' = 'noon-stamp' AND details->>'from' = 'after-noon' AND details->>'to' = 'before-noon'"));
        assertEquals(vn.cong.workflow.deadline.DeadlineReadings.NoonStamp.BEFORE_NOON, policies.current(alpha).block().deadlineReadings().noonStamp(), "the workflow reads it");

        var typo = admin.postForm("/quan-tri/quy-dinh/days", Map.of("value", "sometimes", "csrfToken", StaffForms.csrfToken(page)));
        assertEquals(400, typo.statusCode());
        assertTrue(StaffForms.text(typo).contains("«sometimes» không phải một lựa chọn"), StaffForms.text(typo));

        // another tenant: its own profile, nothing of alpha's, and alpha's session means nothing there
        assertEquals(0, profiles.profile(beta).block().differing());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.regulation_values"));
        var foreign = admin.at("beta.most.localhost").postForm("/quan-tri/quy-dinh/noon-stamp",
                Map.of("value", "before-noon", "csrfToken", StaffForms.csrfToken(page)));
        assertTrue(foreign.statusCode() == 303 && foreign.headers().firstValue("Location").orElse("").contains("dang-nhap")
                || foreign.statusCode() == 401 || foreign.statusCode() == 403, foreign.statusCode() + " " + foreign.body());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.regulation_values"));

        // applying the manifest again keeps what the admin changed
        onboardWith("alpha", "profile: moha");
        assertEquals(1, profiles.profile(alpha).block().differing());
    }

    @Test
    void onlyTheTenantAdminChangesValuesEveryoneSeesThem() {
        Browser editor = new Browser(server.getPort(), "alpha.most.localhost");
        StaffForms.logInOk(editor, "editor", Staff.PASSWORD);
        var page = editor.get("/quan-tri/quy-dinh");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("/quan-tri/quy-dinh/days"), "no forms for the editor");
        var refused = StaffForms.postRaw(server.getPort(), "alpha.most.localhost", editor, "/quan-tri/quy-dinh/days",
                "value=calendar&csrfToken=" + csrfOf(editor));
        assertEquals(403, refused.statusCode());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.regulation_values WHERE key = 'days'"));
    }

    private static String csrfOf(Browser b) {
        var form = b.get("/quan-tri/doi-mat-khau");
        return org.jsoup.Jsoup.parse(form.body()).select("input[name=csrfToken]").attr("value");
    }

    @Test
    void choosingAPresetResetsEveryValueAndTheDeadlinesFollow() {
        var parsed = ManifestReader.parse("""
                code: delta
                name: {vi: Trường Delta, en: Delta School}
                abbreviation: delta
                parent: bo
                profile: haiphong
                """);
        assertTrue(onboarding.onboard(parsed.value()).block().isValid());
        Tenant delta = registry.findByCode("delta").orElseThrow();
        OffsetDateTime friday = OffsetDateTime.parse("2026-11-20T10:00:00+07:00");
        assertEquals(OffsetDateTime.parse("2026-11-23T10:00:00+07:00").toInstant(), eventDue(delta, friday).toInstant(),
                "Hải Phòng's 'within 1 day' falls on Monday, not on the Saturday");

        assertTrue(profiles.set(delta, ProfileValue.DAYS, "calendar", null).block());
        assertEquals(1, profiles.profile(delta).block().differing());
        assertEquals(OffsetDateTime.parse("2026-11-21T17:00:00+07:00").toInstant(), eventDue(delta, friday).toInstant(),
                "a tenant reading calendar days gets the next calendar day at the office's close");

        assertTrue(profiles.choose(delta, RegulationPreset.HAI_PHONG, null).block());
        assertEquals(0, profiles.profile(delta).block().differing(), "choosing the preset again resets every value");
        assertEquals(OffsetDateTime.parse("2026-11-23T10:00:00+07:00").toInstant(), eventDue(delta, friday).toInstant());
        // the manifest's choice (MOST's preset, every new tenant's, to Hải Phòng's), the change, the reset
        assertEquals(3, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_delta.audit_log WHERE action LIKE 'regulation.%'"));
    }

    private java.time.ZonedDateTime eventDue(Tenant t, OffsetDateTime eventAt) {
        ApprovalPolicy policy = policies.current(t).block();
        return itemDeadlines.binding(policy.deadlinePreset(), policy.deadlineReadings(), "article", eventAt, eventAt, false).orElseThrow();
    }
}
