package vn.cong.reports.produced;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Mono;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.content.classification.Classification;
import vn.cong.content.classification.Classifications;
import vn.cong.content.classification.Topics;
import vn.cong.reports.contribution.ContributionReport;
import vn.cong.reports.contribution.ContributionReports;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.ClusterJobs;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;
import vn.cong.workflow.Actor;
import vn.cong.workflow.ProfileValue;
import vn.cong.workflow.RegulationProfiles;
import vn.cong.workflow.Staff;
import vn.cong.workflow.WorkflowPolicies;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;

/**
 * Reports on the profile's cadence: the job produces each ended period once (Vietnam time, between nodes, after
 * downtime), keeps it as produced, and the board sees it only after the head signs it off; another portal never
 * reaches it. The clock is the instants the test passes.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportCadenceTest extends PlatformTestSupport {

    private static final Duration CATCH_UP = Duration.ofDays(400);

    @Inject
    ApplicationContext context;
    @Inject
    AccountAdministration accounts;
    @Inject
    ProducedReports produced;
    @Inject
    ContributionReports live;
    @Inject
    RegulationProfiles profiles;
    @Inject
    WorkflowPolicies policies;
    @Inject
    Classifications classifications;
    @Inject
    Topics topics;
    @Inject
    ClusterJobs jobs;

    TwoPortals portals;
    Staff alphaStaff;
    Staff betaStaff;
    long itemId;

    @Override
    protected Map<String, String> extraProperties() {
        // the job is a bean the test drives; it never ticks on its own
        return Map.of("cong.reports.cadence.enabled", "true", "cong.reports.cadence.initial-delay", "1000h",
                "cong.reports.cadence.tick", "1000h");
    }

    @BeforeAll
    void portalsWithAHistory() {
        portals = TwoPortals.onboard(context);
        alphaStaff = Staff.create(accounts, portals.alpha());
        betaStaff = Staff.create(accounts, portals.beta());
        profiles.set(portals.alpha(), ProfileValue.REPORTS, "half-year", null).block();
        profiles.set(portals.beta(), ProfileValue.REPORTS, "monthly", null).block();
        topics.declare(portals.alpha(), List.of("Chuyển đổi số", "Các chủ đề khác")).block();
        // alpha came to Cổng in November 2024, beta in January 2025; alpha's article was published in March 2025
        SqlProbe.run(this::jdbc,
                "UPDATE platform.tenants SET created_at = '2024-11-15T09:00:00+07' WHERE code = 'alpha'",
                "UPDATE platform.tenants SET created_at = '2025-01-20T09:00:00+07' WHERE code = 'beta'",
                "UPDATE t_alpha.content_items SET published_at = '2025-03-10T10:00:00+07' WHERE slug = 'chuyen-doi-so-2026'",
                // beta's report ids never equal alpha's, so a guessed id is another tenant's and nothing else
                "SELECT setval('t_beta.produced_reports_id_seq', 1000)");
        itemId = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.content_items WHERE slug = 'chuyen-doi-so-2026'");
    }

    private static Instant vn(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00").toInstant();
    }

    private List<String> contributionPeriods(Tenant tenant) {
        return produced.list(tenant, EnumSet.allOf(ProducedReport.State.class)).block().stream()
                .filter(r -> r.kind() == ReportKind.CONTRIBUTION).map(ProducedReport::periodLabel).sorted().toList();
    }

    private ProducedReport report(Tenant tenant, String label) {
        return produced.list(tenant, EnumSet.allOf(ProducedReport.State.class)).block().stream()
                .filter(r -> r.kind() == ReportKind.CONTRIBUTION && r.periodLabel().equals(label)).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void aHalfYearIsProducedWhenItEndsInVietnamTimeOnceAndNotBeforeTheTenantExisted() {
        produced.produceDue(portals.alpha(), vn("2025-06-30T23:59:59"), CATCH_UP, true).block();
        assertEquals(List.of("6 tháng cuối năm 2024", "Năm 2024"), contributionPeriods(portals.alpha()),
                "the half-year and the year that ended after alpha came; 30 June 23:59 is still the first half");
        assertEquals(2, produced.produceDue(portals.alpha(), vn("2025-07-01T00:00:00"), CATCH_UP, true).block(),
                "at midnight in Hà Nội the first half of 2025 and the second quarter's account report are due");
        assertTrue(contributionPeriods(portals.alpha()).contains("6 tháng đầu năm 2025"));
        assertEquals(0, produced.produceDue(portals.alpha(), vn("2025-07-02T08:00:00"), CATCH_UP, true).block(), "nothing twice");
        assertEquals(List.of("Quý I/2025", "Quý II/2025", "Quý IV/2024"),
                produced.list(portals.alpha(), EnumSet.allOf(ProducedReport.State.class)).block().stream()
                        .filter(r -> r.kind() == ReportKind.ACCOUNTS).map(ProducedReport::periodLabel).sorted().toList());
    }

    @Test
    @Order(2)
    void monthsAndQuartersFollowAMonthlyCadence() {
        produced.produceDue(portals.beta(), vn("2025-03-31T23:59:00"), CATCH_UP, false).block();
        assertEquals(List.of("Tháng 1/2025", "Tháng 2/2025"), contributionPeriods(portals.beta()));
        produced.produceDue(portals.beta(), vn("2025-04-01T00:00:00"), CATCH_UP, false).block();
        assertEquals(List.of("Quý I/2025", "Tháng 1/2025", "Tháng 2/2025", "Tháng 3/2025"), contributionPeriods(portals.beta()));
        ProducedReport q1 = report(portals.beta(), "Quý I/2025");
        assertEquals(LocalDate.parse("2025-01-01"), q1.period().from());
        assertEquals(LocalDate.parse("2025-03-31"), q1.period().to());
    }

    @Test
    @Order(3)
    void theClusterJobRunsEachSlotOnOneNodeAndCatchesUpAfterDowntime() {
        ClusterJob job = context.getBean(ClusterJob.class, Qualifiers.byName(ReportCadenceJob.NAME));
        // nobody ran the job from July 2025 until 3 January 2026: the slot of that night produces what was missed
        Optional<Integer> first = jobs.run(job, vn("2026-01-03T00:10:00")).block();
        Optional<Integer> secondNode = jobs.run(job, vn("2026-01-03T00:20:00")).block();
        assertTrue(first.isPresent() && first.get() > 0, "the first node ran the slot: " + first);
        assertEquals(Optional.empty(), secondNode, "the second node found the slot taken");
        assertTrue(contributionPeriods(portals.alpha()).containsAll(List.of("6 tháng cuối năm 2025", "Năm 2025")));
        assertTrue(contributionPeriods(portals.beta()).containsAll(List.of("Tháng 12/2025", "Quý IV/2025", "Năm 2025")));
        assertEquals(Optional.of(0), jobs.run(job, vn("2026-01-04T00:10:00")).block(), "the next night finds nothing due");

        // two nodes producing the same period at the same moment: the table's key lets one through
        CadencePeriod june = CadencePeriod.holding(CadencePeriod.Kind.MONTH, LocalDate.parse("2025-06-15"));
        var both = Mono.zip(produced.produce(portals.alpha(), ReportKind.CONTRIBUTION, june, Instant.now()),
                produced.produce(portals.alpha(), ReportKind.CONTRIBUTION, june, Instant.now())).block();
        assertEquals(1, (both.getT1().isPresent() ? 1 : 0) + (both.getT2().isPresent() ? 1 : 0));
    }

    @Test
    @Order(4)
    void aProducedReportKeepsItsFiguresWhenAnItemIsEditedLater() {
        ProducedReport h1 = report(portals.alpha(), "6 tháng đầu năm 2025");
        ContributionReport before = produced.figures(portals.alpha(), h1.id()).block().orElseThrow();
        assertEquals(1, before.total());
        assertEquals(1, before.found());
        long topic = topics.all(portals.alpha()).block().get(0).id();
        classifications.set(portals.alpha(), itemId, null, new Classification("supplied", topic, "news")).block();
        ContributionReport after = produced.figures(portals.alpha(), h1.id()).block().orElseThrow();
        assertEquals(1, after.found(), "the report as produced still counts the item as found");
        assertEquals(0, after.topics().get(0).items());
        ContributionReport now = live.report(portals.alpha(), h1.period().period()).block();
        assertEquals(1, now.supplied(), "the live report counts the edit");
    }

    @Test
    @Order(5)
    void theHeadIsToldTheBoardSeesNothingUntilTheHeadSignsAndAnEditorMayNotSign() throws Exception {
        ProducedReport h1 = report(portals.alpha(), "6 tháng đầu năm 2025");
        String path = "/quan-tri/bao-cao/da-lap/" + h1.id();
        assertTrue(SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id"
                + " WHERE a.username = 'head' AND n.message LIKE '%6 tháng đầu năm 2025%" + path + "'") == 1, "the head was told once");

        Browser editor = portals.loggedIn(TwoPortals.ALPHA_HOST, "editor", Staff.PASSWORD);
        assertEquals(404, editor.get(path).statusCode(), "an unsigned report is not the board's yet");
        assertFalse(editor.get("/quan-tri/bao-cao/da-ky-duyet").body().contains(path));
        assertEquals(404, editor.get(path + "/tai-ve/docx").statusCode());
        HttpResponse<String> list = editor.get("/quan-tri/bao-cao/da-ky-duyet");
        HttpResponse<String> refused = editor.postForm(path + "/ky", Map.of("csrfToken", csrfToken(list)));
        assertEquals(403, refused.statusCode());
        assertFalse(refused.body().contains("Tin/bài không được duyệt đăng"), "the refusal does not show the report");
        assertEquals(403, editor.get("/quan-tri/bao-cao/ky-duyet").statusCode());

        Browser head = portals.loggedIn(TwoPortals.ALPHA_HOST, "head", Staff.PASSWORD);
        HttpResponse<String> waiting = head.get("/quan-tri/bao-cao/ky-duyet");
        assertTrue(waiting.body().contains(path), "the head's list has it");
        HttpResponse<String> page = head.get(path);
        assertTrue(page.body().contains("CHƯA KÝ DUYỆT"));
        HttpResponse<String> signed = head.postForm(path + "/ky", Map.of("csrfToken", csrfToken(page)));
        assertEquals(303, signed.statusCode(), signed.body());

        HttpResponse<String> seen = editor.get(path);
        assertEquals(200, seen.statusCode());
        assertTrue(seen.body().contains("Đã ký duyệt: Trưởng ban biên tập Người head"), "signer and time printed");
        assertTrue(editor.get("/quan-tri/bao-cao/da-ky-duyet").body().contains(path));
        HttpResponse<byte[]> docx = editor.getBytes(path + "/tai-ve/docx", Map.of());
        try (var d = new XWPFDocument(new ByteArrayInputStream(docx.body())); var text = new XWPFWordExtractor(d)) {
            assertTrue(text.getText().contains("Đã ký duyệt: Trưởng ban biên tập Người head, lúc "), text.getText());
        }
        assertEquals(409, head.postForm(path + "/ky", Map.of("csrfToken", csrfToken(page))).statusCode(), "signed once");
        assertTrue(SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'report.signed'") == 1);
    }

    @Test
    @Order(6)
    void aReportSentBackWithANoteIsProducedAgainFromTheCorrectedItems() {
        ProducedReport h2 = report(portals.alpha(), "6 tháng cuối năm 2025");
        String path = "/quan-tri/bao-cao/da-lap/" + h2.id();
        Browser head = portals.loggedIn(TwoPortals.ALPHA_HOST, "head", Staff.PASSWORD);
        HttpResponse<String> page = head.get(path);
        HttpResponse<String> noNote = head.postForm(path + "/tra-lai", Map.of("csrfToken", csrfToken(page), "note", "  "));
        assertEquals(400, noNote.statusCode());
        assertTrue(noNote.body().contains("Ghi rõ cần sửa gì"));
        assertEquals(303, head.postForm(path + "/tra-lai", Map.of("csrfToken", csrfToken(page),
                "note", "Tin của Phòng Tổng hợp tháng 9 chưa ghi đơn vị.")).statusCode());
        assertTrue(SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id"
                + " WHERE a.username = 'editor' AND n.message LIKE '%chưa ghi đơn vị%'") == 1, "the editors are told what to correct");

        // an item of the second half of 2025, found and corrected after the return
        SqlProbe.run(this::jdbc, "UPDATE t_alpha.content_items SET published_at = '2025-09-10T10:00:00+07' WHERE id = " + itemId);
        Browser admin = portals.loggedIn(TwoPortals.ALPHA_HOST, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> returned = admin.get(path);
        assertTrue(returned.body().contains("chưa ghi đơn vị"));
        assertEquals(303, admin.postForm(path + "/lap-lai", Map.of("csrfToken", csrfToken(returned))).statusCode());
        ProducedReport again = produced.find(portals.alpha(), h2.id()).block().orElseThrow();
        assertEquals(ProducedReport.State.WAITING, again.state());
        assertEquals(2, again.revision());
        assertEquals(1, produced.figures(portals.alpha(), h2.id()).block().orElseThrow().supplied());
        assertEquals(List.of("produced", "returned", "reproduced"),
                produced.steps(portals.alpha(), h2.id()).block().stream().map(ProducedReports.Step::action).toList());
    }

    @Test
    @Order(7)
    void aDeputySignsOnlyWhereThePolicyLetsDeputiesGiveTheFinalApproval() {
        Actor deputy = alphaStaff.get(Role.DEPUTY_HEAD);
        assertTrue(produced.maySign(portals.alpha(), Set.of(Role.DEPUTY_HEAD)).block(), "MOST's policy: Trưởng/Phó Trưởng ban at the top");
        policies.choose(portals.beta(), "haiphong").block();
        assertFalse(produced.maySign(portals.beta(), Set.of(Role.DEPUTY_HEAD)).block(), "Hải Phòng: the head alone at the top");
        ProducedReport jan = report(portals.beta(), "Tháng 1/2025");
        assertThrows(SignOffRefused.class, () -> produced.sign(portals.beta(), jan.id(), betaStaff.get(Role.DEPUTY_HEAD), Instant.now()).block());
        assertFalse(produced.maySign(portals.alpha(), Set.of(Role.EDITOR, Role.TENANT_ADMIN)).block());
        assertEquals(ProducedReport.State.SIGNED,
                produced.sign(portals.alpha(), report(portals.alpha(), "Năm 2024").id(), deputy, Instant.now()).block().state());
    }

    @Test
    @Order(8)
    void anotherPortalNeverSeesNorSignsAlphasReports() {
        ProducedReport waiting = report(portals.alpha(), "6 tháng cuối năm 2025");
        ProducedReport signed = report(portals.alpha(), "6 tháng đầu năm 2025");
        Browser betaHead = portals.loggedIn(TwoPortals.BETA_HOST, "head", Staff.PASSWORD);
        for (ProducedReport r : List.of(waiting, signed)) {
            String path = "/quan-tri/bao-cao/da-lap/" + r.id();
            HttpResponse<String> page = betaHead.get(path);
            assertEquals(404, page.statusCode());
            assertFalse(page.body().contains("Cục Alpha"), "beta's head sees nothing of alpha's report");
            assertEquals(404, betaHead.get(path + "/tai-ve/json").statusCode());
            assertEquals(404, betaHead.get(path + "/tai-ve/pdf").statusCode());
            HttpResponse<String> list = betaHead.get("/quan-tri/bao-cao/ky-duyet");
            assertEquals(404, betaHead.postForm(path + "/ky", Map.of("csrfToken", csrfToken(list))).statusCode());
            assertEquals(404, betaHead.postForm(path + "/tra-lai", Map.of("csrfToken", csrfToken(list), "note", "Sửa")).statusCode());
        }
        assertEquals(ProducedReport.State.WAITING, produced.find(portals.alpha(), waiting.id()).block().orElseThrow().state());
        assertFalse(betaHead.get("/quan-tri/bao-cao/da-ky-duyet").body().contains("6 tháng đầu năm 2025"));
    }
}
