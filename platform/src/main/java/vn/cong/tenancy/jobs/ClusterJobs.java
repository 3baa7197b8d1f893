package vn.cong.tenancy.jobs;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.system.NodeName;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.TenantRegistry;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the platform's {@link ClusterJob}s: ticks each enabled one on this node's scheduler, skips a
 * tick while the previous one still runs, and for a one-node job first claims the slot with an
 * {@code INSERT … ON CONFLICT DO NOTHING} into {@code platform.job_claims} (committed before the work
 * starts, so of N nodes exactly one runs it; a node that dies mid-run leaves the slot to the next one).
 */
@Singleton
public class ClusterJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterJobs.class);

    private final List<ClusterJob> jobs;
    private final TaskScheduler scheduler;
    private final PlatformDatabase db;
    private final TenantRegistry registry;
    private final Clock clock;
    private final String node;
    private final boolean enabled;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final List<String> scheduled = new java.util.concurrent.CopyOnWriteArrayList<>();

    ClusterJobs(List<ClusterJob> jobs, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, PlatformDatabase db,
                TenantRegistry registry, Clock clock, NodeName node, @Value("${cong.jobs.enabled:true}") boolean enabled) {
        this.node = node.value();
        this.enabled = enabled;
        this.jobs = List.copyOf(jobs);
        this.scheduler = scheduler;
        this.db = db;
        this.registry = registry;
        this.clock = clock;
    }

    /** Schedules every job, unless {@code cong.jobs.enabled} is false: a one-off command ({@code CommandContext}) runs none. */
    @EventListener
    void onStartup(StartupEvent event) {
        if (!enabled) {
            return;
        }
        for (ClusterJob job : jobs) {
            scheduler.scheduleWithFixedDelay(job.initialDelay(), job.interval(), () -> tick(job));
            scheduled.add(job.name());
            LOG.info("Job {} every {} on {}", job.name(), job.interval(), job.reach() == ClusterJob.Reach.ONE_NODE ? "one node" : "every node");
        }
    }

    /** The names of the jobs this node ticks (none in a one-off command). */
    public List<String> scheduled() {
        return List.copyOf(scheduled);
    }

    private void tick(ClusterJob job) {
        AtomicBoolean busy = running.computeIfAbsent(job.name(), n -> new AtomicBoolean());
        if (busy.compareAndSet(false, true)) {
            run(job, clock.instant()).doFinally(s -> busy.set(false)).subscribe(
                    done -> {
                        if (done.orElse(0) > 0) {
                            LOG.info("Job {}: {} done", job.name(), done.get());
                        }
                    },
                    e -> LOG.error("Job {} failed", job.name(), e));
        }
    }

    /**
     * Runs the job's slot at {@code now} on this node if this node gets it; emits what the job did,
     * or empty when the slot was not this node's (another claimed it, or nothing is due).
     */
    public Mono<Optional<Integer>> run(ClusterJob job, Instant now) {
        OffsetDateTime slot = job.slot(now);
        if (slot == null) {
            return Mono.just(Optional.empty());
        }
        JobRun run = new JobRun(job.name(), now, registry.all());
        if (job.reach() == ClusterJob.Reach.EVERY_NODE) {
            return Mono.defer(() -> job.run(run)).map(Optional::of);
        }
        return claim(job, slot)
                .flatMap(claimed -> claimed
                        ? Mono.defer(() -> job.run(run)).flatMap(n -> finished(job, slot).thenReturn(Optional.of(n)))
                        : Mono.just(Optional.<Integer>empty()));
    }

    private Mono<Boolean> claim(ClusterJob job, OffsetDateTime slot) {
        return db.mono(c -> c.one("INSERT INTO platform.job_claims (job, slot, node) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1",
                        r -> true, job.name(), slot, node))
                .defaultIfEmpty(false);
    }

    /** Marks the slot done and forgets the job's claims older than a week. */
    private Mono<Long> finished(ClusterJob job, OffsetDateTime slot) {
        return db.mono(c -> c.update("UPDATE platform.job_claims SET finished_at = now() WHERE job = $1 AND slot = $2", job.name(), slot)
                .then(c.update("DELETE FROM platform.job_claims WHERE job = $1 AND slot < $2 - interval '7 days'", job.name(), slot)));
    }
}
