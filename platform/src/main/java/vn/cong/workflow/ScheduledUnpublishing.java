package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.content.expiry.DisplayEnd;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.jobs.JobRun;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Takes published items down when their end of display (hết hiệu lực hiển thị) has come, through the same
 * transition as a person's take-down (event log, page caches, lists, search, sitemaps and feeds follow the
 * state). Due items are claimed {@code FOR UPDATE SKIP LOCKED} in the transaction that takes them down, so
 * with several nodes each is taken down once. An item held online by its retention period stays: only the head
 * may take it down, with a legal basis.
 */
@Singleton
public class ScheduledUnpublishing {

    private static final int BATCH = 100;

    private final TenantRegistry registry;
    private final PublicChanges changes;
    private final Transitions transitions;
    private final Retention retention;
    private final Clock clock;

    ScheduledUnpublishing(TenantRegistry registry, PublicChanges changes, Transitions transitions, Retention retention, Clock clock) {
        this.registry = registry;
        this.changes = changes;
        this.transitions = transitions;
        this.retention = retention;
        this.clock = clock;
    }

    /** Takes down every due item of every serving tenant now (outside the schedule); emits how many this node took down. */
    public Mono<Integer> takeDownDue() {
        Instant now = clock.instant();
        return JobRun.unscheduled("scheduled-unpublishing", now, registry.all()).forEachServingTenant(tenant -> takeDownDue(tenant, now));
    }

    /** Takes down the tenant's items whose end of display is at or before {@code now}; emits how many. */
    public Mono<Integer> takeDownDue(Tenant tenant, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return changes.inTenant(tenant, (c, publicChange) -> c.query("SELECT " + WorkItem.COLUMNS + ", i.unpublish_at FROM content_items i"
                                + " WHERE i.state = 'published' AND i.unpublish_at <= $1"
                                + " ORDER BY i.unpublish_at, i.id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED",
                        r -> new Due(WorkItem.of(r), r.get("unpublish_at", OffsetDateTime.class)), at)
                        .collectList()
                        .flatMap(items -> WorkflowPolicies.current(c).flatMap(policy -> Flux.fromIterable(items)
                                .concatMap(due -> retention.hold(c, due.item().id()).flatMap(hold -> hold.isPresent() ? Mono.<Outcome>empty()
                                        : transitions.record(c, publicChange, tenant, due.item(), Change.to(ItemState.TAKEN_DOWN,
                                                "take_down_scheduled", "Gỡ xuống theo thời hạn hiển thị đã đặt (" + DisplayEnd.shown(due.end()) + ")",
                                                Notice.toRoles(policy.editorRoles(), "Tin bài đã được gỡ xuống khi hết hiệu lực hiển thị")), null)))
                                .count())))
                .map(Long::intValue);
    }

    private record Due(WorkItem item, OffsetDateTime end) {
    }
}
