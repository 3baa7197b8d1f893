package vn.cong.workflow;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.jobs.JobRun;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;

import java.time.Clock;

/**
 * Publishes scheduled items whose time has come. The scheduled-publishing job (WorkflowJobs) goes through the tenants one
 * by one; each claims due items with {@code FOR UPDATE SKIP LOCKED} in the transaction that publishes
 * them, so with several nodes each item is published exactly once, by whichever claimed it first.
 */
@Singleton
public class ScheduledPublishing {

    private static final int BATCH = 100;

    private final TenantRegistry registry;
    private final PublicChanges changes;
    private final Transitions transitions;
    private final Clock clock;

    ScheduledPublishing(TenantRegistry registry, PublicChanges changes, Transitions transitions, Clock clock) {
        this.registry = registry;
        this.changes = changes;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** Publishes every due item of every serving tenant now (outside the schedule); emits how many this node published. */
    public Mono<Integer> publishDue() {
        return JobRun.unscheduled("scheduled-publishing", clock.instant(), registry.all()).forEachServingTenant(this::publishDue);
    }

    Mono<Integer> publishDue(Tenant tenant) {
        return changes.inTenant(tenant, (c, publicChange) -> c.query("SELECT " + WorkItem.COLUMNS + " FROM content_items i"
                                + " WHERE i.state = 'scheduled' AND i.published_at <= now()"
                                + " ORDER BY i.published_at, i.id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED", WorkItem::of)
                        .collectList()
                        .flatMap(items -> Flux.fromIterable(items)
                                .concatMap(item -> Transitions.activeRun(c, item.id())
                                        .map(run -> run.submittedBy() == null ? -1L : run.submittedBy()).defaultIfEmpty(-1L)
                                        .flatMap(submitter -> transitions.record(c, publicChange, tenant, item,
                                                Change.to(ItemState.PUBLISHED, "publish_scheduled", "Đăng theo giờ đã hẹn",
                                                        Notice.toAccount(submitter < 0 ? null : submitter, "Tin bài đã được đăng theo giờ hẹn"))
                                                        .publishingAt(item.publishedAt()), null)))
                                .count()))
                .map(Long::intValue);
    }
}
