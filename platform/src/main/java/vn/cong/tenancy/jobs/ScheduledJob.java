package vn.cong.tenancy.jobs;

import io.micronaut.core.annotation.Nullable;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * A {@link ClusterJob} declared by its parts, so a feature declares its job in one factory method
 * next to the work ({@code @Singleton @Requires(property = "….enabled", notEquals = "false")}).
 *
 * @param slots the job's slots, or null for the interval's
 */
public record ScheduledJob(String name, Duration interval, Duration initialDelay, Reach reach,
                           @Nullable Function<Instant, OffsetDateTime> slots,
                           Function<JobRun, Mono<Integer>> work) implements ClusterJob {

    /** A job one node runs per interval. */
    public static ScheduledJob oneNode(String name, Duration interval, Duration initialDelay, Function<JobRun, Mono<Integer>> work) {
        return new ScheduledJob(name, interval, initialDelay, Reach.ONE_NODE, null, work);
    }

    /** A job every node runs for itself. */
    public static ScheduledJob everyNode(String name, Duration interval, Function<JobRun, Mono<Integer>> work) {
        return new ScheduledJob(name, interval, interval, Reach.EVERY_NODE, null, work);
    }

    /** The same job with its own slots (a cron's, a round's); a slot of null means nothing is due. */
    public ScheduledJob slottedBy(Function<Instant, OffsetDateTime> slotOf) {
        return new ScheduledJob(name, interval, initialDelay, reach, slotOf, work);
    }

    @Override
    @Nullable
    public OffsetDateTime slot(Instant now) {
        return slots == null ? ClusterJob.super.slot(now) : slots.apply(now);
    }

    @Override
    public Mono<Integer> run(JobRun run) {
        return work.apply(run);
    }
}
