package vn.cong.tenancy.jobs;

import io.micronaut.core.annotation.Nullable;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A scheduled job of the platform. Every node ticks it every {@link #interval()}; {@link ClusterJobs}
 * claims each slot in PostgreSQL so one node runs it ({@link Reach#ONE_NODE}), or lets every node
 * run it for work that is about the node itself ({@link Reach#EVERY_NODE}, e.g. reloading its
 * registry). A job is a bean only when enabled: its {@code enabled} setting sits in its
 * configuration record and the bean says {@code @Requires(property = "….enabled", notEquals = "false")}.
 */
public interface ClusterJob {

    /** Who runs a slot. */
    enum Reach { ONE_NODE, EVERY_NODE }

    /** Stable name: the claim key in {@code platform.job_claims} and the job's name in the log. */
    String name();

    /** How often every node ticks. */
    Duration interval();

    /** The first tick after start-up. */
    default Duration initialDelay() {
        return interval();
    }

    default Reach reach() {
        return Reach.ONE_NODE;
    }

    /** The slot a tick at {@code now} belongs to (claimed once); null when nothing is due. Default: the interval's. */
    @Nullable
    default OffsetDateTime slot(Instant now) {
        long millis = Math.max(1, interval().toMillis());
        return Instant.ofEpochMilli(now.toEpochMilli() / millis * millis).atOffset(ZoneOffset.UTC);
    }

    /** The work of one slot; a job over tenants calls {@link JobRun#forEachServingTenant}. Emits how many things it did. */
    Mono<Integer> run(JobRun run);
}
