package vn.cong.workflow;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workflow's use cases against real PostgreSQL: both presets end to end, return and resubmit,
 * rejection, optional steps, the optimistic lock, and refusals of roles and levels that may not act.
 * {@code alpha} runs MOST's board model (the default), {@code beta} Hải Phòng's four levels.
 */
@MicronautTest(transactional = false)
class WorkflowTest extends PlatformTestSupport {

    @Inject Onboarding onboarding;
    @Inject TenantRegistry registry;
    @Inject AccountAdministration accounts;
    @Inject Publishing publishing;
    @Inject WorkflowPolicies policies;
    @Inject SubmitItem submit;
    @Inject TakeForEditing take;
    @Inject SendForApproval send;
    @Inject ApproveItem approve;
    @Inject ReturnItem sendBack;
    @Inject RejectItem reject;
    @Inject RequestStep steps;
    @Inject PublishItem publish;
    @Inject DeadlineBoard board;
    @Inject DeadlineReminders reminders;
    @Inject WorkflowCatalog catalog;

    private Tenant alpha;
    private Tenant beta;
    private Staff alphaStaff;
    private Staff betaStaff;
    private int slugs;

    @BeforeAll
    void setUp() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        alpha = registry.findByCode("alpha").orElseThrow();
        beta = registry.findByCode("beta").orElseThrow();
        assertTrue(policies.choose(beta, "haiphong").block());
        alphaStaff = Staff.create(accounts, alpha);
        betaStaff = Staff.create(accounts, beta);
    }

    private long section(Tenant t) {
        return number("SELECT id FROM " + t.schema() + ".sections WHERE slug = 'tin-hoat-dong'");
    }

    private long number(String sql) {
        return SqlProbe.number(this::jdbc, sql);
    }

    private List<String> column(String sql) {
        return SqlProbe.column(this::jdbc, sql);
    }

    /** A contributor's draft, submitted and taken for editing. */
    private Outcome editing(Tenant t, Staff staff, Sensitivity sensitivity) {
        SavedItem draft = Staff.draft(publishing, t, section(t), "tin-" + (++slugs), staff.get(Role.CONTRIBUTOR));
        Outcome submitted = submit.submit(t, draft.id(), draft.version(), staff.get(Role.CONTRIBUTOR), Staff.submission(sensitivity)).block();
        assertEquals("submitted", submitted.state());
        return take.take(t, draft.id(), submitted.version(), staff.get(Role.EDITOR)).block();
    }

    private Outcome approveAs(Tenant t, Outcome o, Actor who) {
        return approve.approve(t, o.itemId(), o.version(), who, "Đồng ý").block();
    }

    private String publicState(Tenant t, long id) {
        return column("SELECT state FROM " + t.schema() + ".content_items WHERE id = " + id).get(0);
    }

    @Test
    void haiPhongEspeciallySensitiveItemGoesThroughAllFourLevelsThenTheLevelOneEditorPublishes() {
        Outcome o = editing(beta, betaStaff, Sensitivity.ESPECIALLY_SENSITIVE);
        o = send.send(beta, o.itemId(), o.version(), betaStaff.get(Role.EDITOR), "Đã biên tập, phân mục").block();
        assertEquals("awaiting_approval", o.state());
        o = approveAs(beta, o, betaStaff.get(Role.APPROVER));
        assertEquals("awaiting_approval", o.state(), "level 2 passes it up to the deputy head");
        o = approveAs(beta, o, betaStaff.get(Role.DEPUTY_HEAD));
        assertEquals("awaiting_approval", o.state(), "the deputy head passes it up to the head");
        o = approveAs(beta, o, betaStaff.get(Role.HEAD));
        assertEquals("approved", o.state());
        o = publish.publish(beta, o.itemId(), o.version(), betaStaff.get(Role.EDITOR), null).block();
        assertEquals("published", o.state());

        long id = o.itemId();
        assertEquals(List.of("submit", "take", "send", "approve", "approve", "approve", "publish"),
                column("SELECT action FROM t_beta.content_events WHERE item_id = " + id + " AND action IS NOT NULL ORDER BY chain_seq"));
        assertEquals(List.of("1", "2", "3"), column("SELECT level FROM t_beta.content_events WHERE item_id = " + id
                + " AND action = 'approve' ORDER BY chain_seq"));
        assertEquals(List.of("approved", "approved", "approved"), column("SELECT t.status FROM t_beta.workflow_tasks t"
                + " JOIN t_beta.workflow_runs r ON r.id = t.run_id WHERE r.item_id = " + id + " ORDER BY t.level"));
        assertEquals("finished", column("SELECT status FROM t_beta.workflow_runs WHERE item_id = " + id).get(0));
        assertNotNull(column("SELECT published_hash FROM t_beta.content_items WHERE id = " + id).get(0), "fingerprinted when published");
    }

    @Test
    void haiPhongRoutineItemIsApprovedByTheLevelTwoEditorAlone() {
        Outcome o = editing(beta, betaStaff, Sensitivity.ROUTINE);
        o = send.send(beta, o.itemId(), o.version(), betaStaff.get(Role.EDITOR), "").block();
        o = approveAs(beta, o, betaStaff.get(Role.APPROVER));
        assertEquals("approved", o.state());
        o = publish.publish(beta, o.itemId(), o.version(), betaStaff.get(Role.APPROVER), null).block();
        assertEquals("published", o.state(), "the level-2 editor approves and publishes routine items");
    }

    @Test
    void haiPhongSensitiveItemNeedsTheDeputyHeadNotTheHead() {
        Outcome o = editing(beta, betaStaff, Sensitivity.SENSITIVE);
        o = send.send(beta, o.itemId(), o.version(), betaStaff.get(Role.EDITOR), "").block();
        o = approveAs(beta, o, betaStaff.get(Role.APPROVER));
        o = approveAs(beta, o, betaStaff.get(Role.DEPUTY_HEAD));
        assertEquals("approved", o.state());
    }

    @Test
    void mostRoutineItemIsPublishedByTheStandingUnitWithoutApproval() {
        Outcome o = editing(alpha, alphaStaff, Sensitivity.ROUTINE);
        o = send.send(alpha, o.itemId(), o.version(), alphaStaff.get(Role.EDITOR), "").block();
        assertEquals("approved", o.state(), "routine items need no approval level at MOST");
        o = publish.publish(alpha, o.itemId(), o.version(), alphaStaff.get(Role.EDITOR), null).block();
        assertEquals("published", o.state());
    }

    @Test
    void mostEspeciallySensitiveItemGoesThroughTheBoardMemberAndTheHeadWithLeadershipOpinion() {
        Outcome o = editing(alpha, alphaStaff, Sensitivity.ESPECIALLY_SENSITIVE);
        o = steps.request(alpha, o.itemId(), o.version(), alphaStaff.get(Role.EDITOR), OptionalStep.LEADERSHIP_OPINION,
                "Tin liên quan phát ngôn của Bộ").block();
        o = steps.request(alpha, o.itemId(), o.version(), alphaStaff.get(Role.EDITOR), OptionalStep.EXPERT_REVIEW, "").block();
        o = send.send(alpha, o.itemId(), o.version(), alphaStaff.get(Role.EDITOR), "").block();
        o = approveAs(alpha, o, alphaStaff.get(Role.APPROVER));
        Outcome atHead = o;
        WorkflowRefused pending = assertThrows(WorkflowRefused.class, () -> approveAs(alpha, atHead, alphaStaff.get(Role.HEAD)));
        assertTrue(pending.getMessage().contains("ý kiến lãnh đạo"), pending.getMessage());
        o = steps.record(alpha, o.itemId(), o.version(), alphaStaff.get(Role.EDITOR), OptionalStep.LEADERSHIP_OPINION,
                "Thứ trưởng đồng ý đăng (điện thoại 9h15)").block();
        o = steps.record(alpha, o.itemId(), o.version(), alphaStaff.get(Role.APPROVER), OptionalStep.EXPERT_REVIEW,
                "Viện chuyên ngành thẩm định: số liệu chính xác").block();
        o = approveAs(alpha, o, alphaStaff.get(Role.HEAD));
        assertEquals("approved", o.state());
        o = publish.publish(alpha, o.itemId(), o.version(), alphaStaff.get(Role.EDITOR), null).block();
        assertEquals("published", o.state());
        assertEquals(List.of("submit", "take", "request_opinion", "request_review", "send", "approve", "record_opinion",
                        "record_review", "approve", "publish"),
                column("SELECT action FROM t_alpha.content_events WHERE item_id = " + o.itemId() + " AND action IS NOT NULL ORDER BY chain_seq"));
    }

    @Test
    void returnedItemIsRevisedAndResubmittedAndTheReturnCommentIsKept() {
        Outcome o = editing(beta, betaStaff, Sensitivity.ROUTINE);
        o = sendBack.sendBack(beta, o.itemId(), o.version(), betaStaff.get(Role.EDITOR), "Bổ sung ảnh và tên người phát biểu").block();
        assertEquals("returned", o.state());
        Outcome resubmitted = submit.submit(beta, o.itemId(), o.version(), betaStaff.get(Role.CONTRIBUTOR),
                Staff.submission(Sensitivity.ROUTINE)).block();
        assertEquals("submitted", resubmitted.state());
        o = take.take(beta, o.itemId(), resubmitted.version(), betaStaff.get(Role.EDITOR)).block();
        o = send.send(beta, o.itemId(), o.version(), betaStaff.get(Role.EDITOR), "").block();
        o = sendBack.sendBack(beta, o.itemId(), o.version(), betaStaff.get(Role.APPROVER), "Tiêu đề chưa rõ").block();
        assertEquals("editing", o.state(), "an approver returns the item to the level-1 editor");
        o = send.send(beta, o.itemId(), o.version(), betaStaff.get(Role.EDITOR), "Đã sửa tiêu đề").block();
        o = approveAs(beta, o, betaStaff.get(Role.APPROVER));
        assertEquals("approved", o.state());

        assertEquals(List.of("Bổ sung ảnh và tên người phát biểu", "Tiêu đề chưa rõ"),
                column("SELECT comment FROM t_beta.content_events WHERE item_id = " + o.itemId() + " AND action = 'return' ORDER BY chain_seq"));
        assertEquals(1, number("SELECT count(*) FROM t_beta.workflow_runs WHERE item_id = " + o.itemId()), "one run throughout");
        assertEquals(1, number("SELECT count(*) FROM t_beta.workflow_tasks t JOIN t_beta.workflow_runs r ON r.id = t.run_id"
                + " WHERE r.item_id = " + o.itemId() + " AND t.status = 'returned'"));
        assertTrue(number("SELECT count(*) FROM t_beta.notifications n JOIN t_beta.accounts a ON a.id = n.account_id"
                + " WHERE a.username = 'contributor' AND n.item_id = " + o.itemId() + " AND n.message LIKE 'Tin bài bị trả lại%'") >= 1,
                "the submitter is told");
    }

    @Test
    void rejectionNeedsAReasonFromTheRegulationAndEndsTheRun() {
        Outcome o = editing(alpha, alphaStaff, Sensitivity.ROUTINE);
        Outcome at = o;
        SubmissionRejected noReason = assertThrows(SubmissionRejected.class,
                () -> reject.reject(alpha, at.itemId(), at.version(), alphaStaff.get(Role.EDITOR), "", "").block());
        assertTrue(noReason.problems().containsKey("reason"));
        assertThrows(SubmissionRejected.class,
                () -> reject.reject(alpha, at.itemId(), at.version(), alphaStaff.get(Role.EDITOR), "other_by_law", " ").block());
        o = reject.reject(alpha, o.itemId(), o.version(), alphaStaff.get(Role.EDITOR), "duplicate", "Đã đăng ngày 18/11").block();
        assertEquals("rejected", o.state());
        assertEquals(List.of("duplicate|Đã đăng ngày 18/11"), column("SELECT reason_code || '|' || comment FROM t_alpha.content_events"
                + " WHERE item_id = " + o.itemId() + " AND action = 'reject'"));
        assertEquals("rejected", column("SELECT status FROM t_alpha.workflow_runs WHERE item_id = " + o.itemId()).get(0));
        Outcome rejected = o;
        assertThrows(WorkflowRefused.class, () -> publish.publish(alpha, rejected.itemId(), rejected.version(),
                alphaStaff.get(Role.EDITOR), null).block(), "a rejected item cannot be published");
    }

    @Test
    void twoApproversActingOnTheSameVersionOneWinsTheOtherGetsAConflict() {
        Outcome o = editing(alpha, alphaStaff, Sensitivity.SENSITIVE);
        Outcome waiting = send.send(alpha, o.itemId(), o.version(), alphaStaff.get(Role.EDITOR), "").block();
        Actor approver = alphaStaff.get(Role.APPROVER);
        Actor secondApprover = new Actor(approver.id(), "Cùng người trên máy khác", approver.roles());
        Mono<Object> first = approve.approve(alpha, waiting.itemId(), waiting.version(), approver, "Duyệt").cast(Object.class)
                .onErrorResume(Mono::just).subscribeOn(Schedulers.parallel());
        Mono<Object> second = sendBack.sendBack(alpha, waiting.itemId(), waiting.version(), secondApprover, "Trả lại").cast(Object.class)
                .onErrorResume(Mono::just).subscribeOn(Schedulers.parallel());
        List<Object> results = Flux.merge(first, second).collectList().block();

        assertEquals(1, results.stream().filter(r -> r instanceof Outcome).count(), results.toString());
        WorkflowConflict conflict = (WorkflowConflict) results.stream().filter(r -> r instanceof WorkflowConflict).findFirst()
                .orElseThrow(() -> new AssertionError("no conflict: " + results));
        assertTrue(conflict.getMessage().contains("vừa được người khác xử lý"), conflict.getMessage());
        assertEquals(1, number("SELECT count(*) FROM t_alpha.content_events WHERE item_id = " + waiting.itemId()
                + " AND action IN ('approve', 'return')"), "only the winner's step is recorded");
    }

    @Test
    void rolesAndLevelsThatMayNotActAreRefusedWithAClearMessage() {
        Outcome o = editing(beta, betaStaff, Sensitivity.ESPECIALLY_SENSITIVE);
        Outcome edited = o;
        WorkflowRefused contributorSends = assertThrows(WorkflowRefused.class,
                () -> send.send(beta, edited.itemId(), edited.version(), betaStaff.get(Role.CONTRIBUTOR), "").block());
        assertTrue(contributorSends.getMessage().contains("Biên tập viên"), contributorSends.getMessage());
        o = send.send(beta, o.itemId(), o.version(), betaStaff.get(Role.EDITOR), "").block();
        Outcome atLevelOne = o;
        WorkflowRefused headSkipsALevel = assertThrows(WorkflowRefused.class, () -> approveAs(beta, atLevelOne, betaStaff.get(Role.HEAD)));
        assertTrue(headSkipsALevel.getMessage().contains("Biên tập viên cấp 2"), headSkipsALevel.getMessage());
        WorkflowRefused editorApproves = assertThrows(WorkflowRefused.class, () -> approveAs(beta, atLevelOne, betaStaff.get(Role.EDITOR)));
        assertTrue(editorApproves.getMessage().contains("không có quyền duyệt"), editorApproves.getMessage());
        WorkflowRefused publishUnapproved = assertThrows(WorkflowRefused.class,
                () -> publish.publish(beta, atLevelOne.itemId(), atLevelOne.version(), betaStaff.get(Role.EDITOR), null).block());
        assertTrue(publishUnapproved.getMessage().contains("Chờ duyệt"), publishUnapproved.getMessage());
        SavedItem draft = Staff.draft(publishing, beta, section(beta), "tin-" + (++slugs), betaStaff.get(Role.EDITOR));
        WorkflowRefused direct = assertThrows(WorkflowRefused.class,
                () -> publish.publishDirectly(beta, draft.id(), draft.version(), betaStaff.get(Role.EDITOR)).block());
        assertTrue(direct.getMessage().contains("phải được duyệt trước khi đăng"), direct.getMessage());
        assertEquals("awaiting_approval", publicState(beta, o.itemId()), "nothing changed");
    }

    private Outcome submitted(Tenant t, Staff staff, String kind, String unit, java.time.OffsetDateTime eventAt) {
        SavedItem d = publishing.saveDraft(t, new vn.cong.content.Draft(null, 0, kind, section(t), "vi", "tin-" + (++slugs),
                "Tin " + slugs, "", "<p>x</p>", null, null, null, false, staff.get(Role.CONTRIBUTOR).id())).block();
        return submit.submit(t, d.id(), d.version(), staff.get(Role.CONTRIBUTOR), new Submission(unit, "Người gửi", "", "a@b.vn",
                "0912345678", "routine", eventAt, false, false, null, null, null, null, true, true)).block();
    }

    @Test
    void boardCountsItemsDueSoonAndOverdueByStageAndByUnit() {
        // Hải Phòng: event news online within one working day of the event: an event on Friday 08:00 is due
        // on Monday 08:00, never on the Saturday (the old reading, "next calendar day at 17:00", said Saturday)
        Outcome o = submitted(beta, betaStaff, "article", "Trường THPT Ngô Quyền", java.time.OffsetDateTime.parse("2026-11-20T08:00:00+07:00"));
        var detail = catalog.item(beta, o.itemId()).block().orElseThrow();
        assertEquals(java.time.OffsetDateTime.parse("2026-11-23T08:00:00+07:00").toInstant(), detail.run().dueAt().toInstant());

        var before = board.board(beta, java.time.OffsetDateTime.parse("2026-11-23T03:00:00+07:00")).block();
        assertTrue(before.dueSoon().stream().anyMatch(r -> r.item().id() == o.itemId()), "due within 6 h");
        var unit = before.byUnit().stream().filter(c -> c.group().equals("Trường THPT Ngô Quyền")).findFirst().orElseThrow();
        assertEquals(1, unit.total());
        assertEquals(1, unit.dueSoon());
        assertEquals(0, unit.overdue());

        var after = board.board(beta, java.time.OffsetDateTime.parse("2026-11-23T09:00:00+07:00")).block();
        assertTrue(after.overdue().stream().anyMatch(r -> r.item().id() == o.itemId()));
        assertEquals(1, after.byUnit().stream().filter(c -> c.group().equals("Trường THPT Ngô Quyền")).findFirst().orElseThrow().overdue());
        assertTrue(after.byStage().stream().anyMatch(c -> c.group().equals("Đã gửi, chờ tiếp nhận") && c.overdue() >= 1), after.byStage().toString());
    }

    @Test
    void theNextActorIsRemindedOnceWhenTheDeadlineComesNearEvenWithTwoNodes() {
        Outcome o = submitted(beta, betaStaff, "article", "Trường THCS Lê Lợi", java.time.OffsetDateTime.parse("2026-11-10T08:00:00+07:00"));
        // an event on Tuesday 08:00 is due on Wednesday 08:00 (one working day)
        var near = java.time.OffsetDateTime.parse("2026-11-11T04:00:00+07:00");
        List<Integer> counts = Flux.merge(Mono.defer(() -> reminders.remindDue(near)).subscribeOn(Schedulers.parallel()),
                Mono.defer(() -> reminders.remindDue(near)).subscribeOn(Schedulers.parallel())).collectList().block();
        assertEquals(1, counts.stream().mapToInt(Integer::intValue).sum(), counts.toString());
        assertEquals(0, reminders.remindDue(near).block(), "reminded once");
        assertEquals(List.of("Tin bài sắp đến hạn xử lý (hạn 08:00 11/11/2026): «Tin " + slugs + "»"), column(
                "SELECT n.message FROM t_beta.notifications n JOIN t_beta.accounts a ON a.id = n.account_id"
                        + " WHERE a.username = 'editor' AND n.item_id = " + o.itemId() + " AND n.message LIKE '%đến hạn%'"),
                "the editor, who acts next on a submitted item, is reminded");
    }

    @Test
    void documentStampedAfterNoonOnTheFridayBeforeTetIsDueAtNoonOnTheFirstWorkingDayAfterIt() {
        Outcome o = submitted(alpha, alphaStaff, "document", "Văn phòng Bộ", java.time.OffsetDateTime.parse("2026-02-13T14:30:00+07:00"));
        var detail = catalog.item(alpha, o.itemId()).block().orElseThrow();
        assertEquals(1, detail.deadlines().size(), detail.deadlines().toString());
        assertTrue(detail.deadlines().get(0).label().contains("quy tắc 12 giờ"));
        // Tết Bính Ngọ: 14–22/02/2026; the next working day is Monday 23/02
        assertEquals(java.time.OffsetDateTime.parse("2026-02-23T12:00:00+07:00").toInstant(), detail.deadlines().get(0).due().toInstant());
        assertEquals(detail.deadlines().get(0).due().toInstant(), detail.run().dueAt().toInstant());
    }

    @Test
    void aDocumentWithoutItsStampTimeIsRefusedNotLeftWithoutADeadline() {
        SavedItem d = publishing.saveDraft(alpha, new vn.cong.content.Draft(null, 0, "document", section(alpha), "vi", "van-ban-" + (++slugs),
                "Văn bản " + slugs, "", "<p>x</p>", null, null, null, false, alphaStaff.get(Role.CONTRIBUTOR).id())).block();
        SubmissionRejected refused = assertThrows(SubmissionRejected.class, () -> submit.submit(alpha, d.id(), d.version(),
                alphaStaff.get(Role.CONTRIBUTOR), new Submission("Văn phòng Bộ", "Người gửi", "", "a@b.vn", "0912345678", "routine",
                        null, false, false, null, null)).block());
        assertTrue(refused.problems().get("eventAt").contains("quy tắc 12 giờ"), refused.problems().toString());
        assertEquals("draft", publicState(alpha, d.id()), "nothing changed");
        assertEquals(0, number("SELECT count(*) FROM t_alpha.workflow_runs WHERE item_id = " + d.id()));
    }

    @Test
    void theManifestChoosesThePolicyAndAnUnknownOneIsAFieldError() {
        String gamma = TestTenants.read("manifests/gamma.yaml");
        var bad = ManifestReader.parse(gamma + "\nworkflow: hanoi\n");
        assertTrue(bad.errors().stream().anyMatch(e -> e.field().equals("workflow") && e.message().contains("haiphong")), bad.errors().toString());
        var good = ManifestReader.parse(gamma + "\nworkflow: haiphong\n");
        assertTrue(good.isValid(), good.errors().toString());
        onboarding.onboard(good.value()).block();
        Tenant t = registry.findByCode("gamma").orElseThrow();
        assertEquals("haiphong", policies.current(t).block().code());
        assertEquals(4, policies.current(t).block().levels().size() + 1, "four levels: the editor and three approval levels");
        var again = onboarding.onboard(ManifestReader.parse(gamma + "\nworkflow: most\n").value()).block();
        assertTrue(again.updated().contains("workflow"), again.toString());
        assertEquals("most", policies.current(t).block().code());
    }

    @Test
    void onlyOneActiveRunPerItemIsAllowedByTheDatabase() {
        Outcome o = editing(alpha, alphaStaff, Sensitivity.ROUTINE);
        try (var c = jdbc(); var s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("""
                    INSERT INTO t_alpha.workflow_runs (item_id, policy_code, sensitivity, required_levels, submitter_unit,
                        submitter_name, submitter_email, submitter_phone) VALUES (%d, 'most', 'routine', 0, 'x', 'x', 'x', 'x')"""
                    .formatted(o.itemId())));
            assertEquals("23505", e.getSQLState());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
