package vn.cong.workflow;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.workflow.Transitions.Change;
import vn.cong.workflow.Transitions.Notice;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes scheduled items whose time has come. Every node ticks and goes through the tenants one
 * by one; each claims due items with {@code FOR UPDATE SKIP LOCKED} in the transaction that publishes
 * them, so with several nodes each item is published exactly once, by whichever claimed it first.
 */
@Singleton
public class ScheduledPublishing {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPublishing.class);
    private static final int BATCH = 100;

    private final TenantRegistry registry;
    private final PublicChanges changes;
    private final Transitions transitions;
    private final boolean enabled;
    private final AtomicBoolean running = new AtomicBoolean();

    ScheduledPublishing(TenantRegistry registry, PublicChanges changes, Transitions transitions,
                        @Value("${cong.workflow.scheduler.enabled:true}") boolean enabled) {
        this.registry = registry;
        this.changes = changes;
        this.transitions = transitions;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "${cong.workflow.scheduler.interval:30s}", initialDelay = "${cong.workflow.scheduler.initial-delay:20s}")
    void tick() {
        if (enabled && running.compareAndSet(false, true)) {
            publishDue().doFinally(s -> running.set(false)).subscribe(
                    n -> {
                        if (n > 0) {
                            LOG.info("Scheduled publishing: {} item(s) published", n);
                        }
                    },
                    e -> LOG.error("Scheduled publishing failed", e));
        }
    }

    /** Publishes every due item of every serving tenant; emits how many this node published. */
    public Mono<Integer> publishDue() {
        return Flux.fromIterable(registry.all())
                .filter(Tenant::isServing)
                .concatMap(tenant -> publishDue(tenant).onErrorResume(e -> {
                    LOG.error("Tenant {}: scheduled publishing failed", tenant.code(), e);
                    return Mono.just(0);
                }))
                .reduce(0, Integer::sum);
    }

    Mono<Integer> publishDue(Tenant tenant) {
        return changes.inTenant(tenant, (c, publicChange) -> Sql.query(c, "SELECT " + WorkItem.COLUMNS + " FROM content_items i"
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
