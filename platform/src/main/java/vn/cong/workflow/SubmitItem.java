package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;

import java.time.OffsetDateTime;
import java.util.Map;
import java.time.Clock;

/**
 * A contributor (or an editor) sends a draft, or a returned item, to the editorial board with the
 * particulars the seeds require. The first submission starts a run under the tenant's current
 * policy; a resubmission continues it.
 */
@Singleton
public class SubmitItem {

    private final Transitions transitions;
    private final ItemDeadlines deadlines;
    private final Clock clock;

    SubmitItem(Transitions transitions, ItemDeadlines deadlines, Clock clock) {
        this.clock = clock;
        this.transitions = transitions;
        this.deadlines = deadlines;
    }

    public Mono<Outcome> submit(Tenant tenant, long itemId, int version, Actor actor, Submission s) {
        Map<String, String> problems = s.problems();
        if (!problems.isEmpty()) {
            return Mono.error(new SubmissionRejected(problems));
        }
        return transitions.apply(tenant, itemId, version, actor, sit -> {
            WorkItem item = sit.item();
            Guards.state(item, "gửi tin bài vào quy trình duyệt", ItemState.DRAFT, ItemState.RETURNED);
            boolean own = item.createdBy() == null || item.createdBy() == actor.id();
            if (!own && !actor.hasAny(sit.policy().editorRoles())) {
                throw new WorkflowRefused("Chỉ người soạn tin bài hoặc biên tập viên được gửi tin bài này vào quy trình duyệt.");
            }
            var needsStart = s.eventAt() == null ? deadlines.needsStart(sit.policy().deadlinePreset(), item.kind(), s.type())
                    : java.util.Optional.<InformationType>empty();
            if (needsStart.isPresent()) {
                throw new SubmissionRejected(Map.of("eventAt", needsStart.get() == InformationType.DOCUMENT
                        ? "Văn bản cần thời điểm ghi trên dấu (ban hành hoặc đến) để tính hạn đăng theo quy tắc 12 giờ."
                        : "Hãy ghi «" + needsStart.get().startsLabel() + "»: thời hạn đăng của loại «" + needsStart.get().label()
                        + "» tính từ thời điểm này."));
            }
            return RegulationProfiles.profile(sit.c()).flatMap(profile -> {
                boolean confirmations = "required".equals(profile.values().get(ProfileValue.DOCUMENT_CONFIRMATIONS))
                        && deadlines.typeOf(item.kind(), s.type()) == InformationType.DOCUMENT;
                if (confirmations && !s.missingConfirmations().isEmpty()) {
                    return Mono.error(new SubmissionRejected(s.missingConfirmations()));
                }
                return record(sit, item, actor, s);
            });
        });
    }

    private Mono<Change> record(Transitions.Situation sit, WorkItem item, Actor actor, Submission s) {
        long itemId = item.id();
        Sensitivity sensitivity = s.level();
        int required = sit.policy().requiredLevels(sensitivity);
        OffsetDateTime now = OffsetDateTime.now(clock);
        var timing = new ItemDeadlines.Timing(s.type(), now, s.eventAt(), s.opensAt(), s.highlighted());
        OffsetDateTime due = deadlines.binding(sit.policy().deadlinePreset(), sit.policy().deadlineReadings(), item.kind(), timing)
                .map(OffsetDateTime::from).orElse(null);
        String type = s.type() == null ? null : s.type().code();
        Mono<Long> run = sit.run() == null
                ? sit.c().update("""
                                INSERT INTO workflow_runs (item_id, policy_code, sensitivity, required_levels, submitted_by, submitter_unit,
                                    submitter_name, submitter_title, submitter_email, submitter_phone, event_at, event_highlighted, due_at,
                                    info_type, event_opens_at)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)""",
                        itemId, sit.policy().code(), sensitivity.db(), required, actor.id(), s.unit().strip(), s.name().strip(),
                        s.title() == null ? "" : s.title().strip(), s.email().strip(), s.phone().strip(),
                        Sql.orNull(s.eventAt(), OffsetDateTime.class), s.highlighted(), Sql.orNull(due, OffsetDateTime.class),
                        Sql.orNull(type, String.class), Sql.orNull(s.opensAt(), OffsetDateTime.class))
                : sit.c().update("""
                                UPDATE workflow_runs SET sensitivity = $2, required_levels = $3, submitter_unit = $4, submitter_name = $5,
                                    submitter_title = $6, submitter_email = $7, submitter_phone = $8, event_at = $9, event_highlighted = $10,
                                    due_at = $11, current_level = NULL, submitted_at = now(), reminded_at = NULL,
                                    info_type = $12, event_opens_at = $13
                                WHERE id = $1""",
                        sit.run().id(), sensitivity.db(), required, s.unit().strip(), s.name().strip(),
                        s.title() == null ? "" : s.title().strip(), s.email().strip(), s.phone().strip(),
                        Sql.orNull(s.eventAt(), OffsetDateTime.class), s.highlighted(), Sql.orNull(due, OffsetDateTime.class),
                        Sql.orNull(type, String.class), Sql.orNull(s.opensAt(), OffsetDateTime.class));
        Mono<Long> source = s.quoted()
                ? sit.c().update("UPDATE content_items SET source = $2 WHERE id = $1", itemId, s.source().strip())
                : Mono.just(0L);
        // the item reaches the board now (the first time only): reports count it from here, as supplied unless classified otherwise
        Mono<Long> received = sit.c().update("""
                UPDATE content_items SET received_at = coalesce(received_at, $2), origin = coalesce(origin, 'supplied')
                WHERE id = $1""", itemId, now);
        return run.then(source).then(received).thenReturn(Change.to(ItemState.SUBMITTED, sit.run() == null ? "submit" : "resubmit",
                Guards.optional(s.note()), Notice.toRoles(sit.policy().editorRoles(), "Tin bài mới gửi, chờ tiếp nhận")));
    }
}
