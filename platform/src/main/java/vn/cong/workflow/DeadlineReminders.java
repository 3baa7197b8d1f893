package vn.cong.workflow;

import vn.cong.system.VietnamTime;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.accounts.Role;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.jobs.JobRun;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Reminds the next actor, in the app, when an item they hold comes within the "due soon" window of
 * its deadline. Each run is reminded once: the row that records the reminder is claimed by the same
 * UPDATE on whichever node gets there first.
 */
@Singleton
public class DeadlineReminders {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final TenantRegistry registry;
    private final TenantDatabase db;
    private final Duration dueSoon;

    DeadlineReminders(TenantRegistry registry, TenantDatabase db, @Value("${cong.workflow.due-soon:6h}") Duration dueSoon) {
        this.registry = registry;
        this.db = db;
        this.dueSoon = dueSoon;
    }

    /** Reminds the next actors of every item due before {@code now} + the window (outside the schedule); emits how many items. */
    public Mono<Integer> remindDue(OffsetDateTime now) {
        return JobRun.unscheduled("deadline-reminders", now.toInstant(), registry.all()).forEachServingTenant(tenant -> remindDue(tenant, now));
    }

    private record Due(long itemId, String state, Integer level, String policy, Long submittedBy, String title, OffsetDateTime dueAt) {
    }

    Mono<Integer> remindDue(Tenant tenant, OffsetDateTime now) {
        return db.mono(tenant, c -> c.query("""
                                UPDATE workflow_runs r SET reminded_at = now() FROM content_items i
                                WHERE i.id = r.item_id AND r.status = 'in_progress' AND r.reminded_at IS NULL
                                  AND r.due_at IS NOT NULL AND r.due_at <= $1
                                RETURNING r.item_id, i.state, r.current_level, r.policy_code, r.submitted_by, i.title, r.due_at""",
                        r -> new Due(r.get(0, Long.class), r.get(1, String.class), r.get(2, Integer.class), r.get(3, String.class),
                                r.get(4, Long.class), r.get(5, String.class), r.get(6, OffsetDateTime.class)), now.plus(dueSoon))
                // read the claimed rows to the end before the next statement on this connection
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(due -> WorkflowPolicies.load(c, due.policy())
                        .flatMap(policy -> Transitions.notify(c, due.itemId(), due.title(),
                                notice(policy, due, due.dueAt().isBefore(now)), null)))
                .count().map(Long::intValue));
    }

    private static Transitions.Notice notice(ApprovalPolicy policy, Due due, boolean late) {
        String message = (late ? "Tin bài đã quá hạn xử lý (hạn " : "Tin bài sắp đến hạn xử lý (hạn ")
                + due.dueAt().atZoneSameInstant(VietnamTime.ZONE).format(TIME) + ")";
        Set<Role> roles = switch (ItemState.parse(due.state()).orElse(ItemState.DRAFT)) {
            case SUBMITTED, EDITING -> policy.editorRoles();
            case AWAITING_APPROVAL -> due.level() == null ? Set.of() : policy.level(due.level()).map(ApprovalLevel::roles).orElse(Set.of());
            case APPROVED, SCHEDULED -> policy.publisherRoles();
            default -> Set.of();
        };
        return new Transitions.Notice(roles, ItemState.RETURNED.db().equals(due.state()) ? due.submittedBy() : null, message);
    }
}
