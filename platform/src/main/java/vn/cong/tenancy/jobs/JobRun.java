package vn.cong.tenancy.jobs;

import io.micronaut.core.async.propagation.ReactivePropagation;
import io.micronaut.core.propagation.PropagatedContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.system.LogTags;
import vn.cong.tenancy.Tenant;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * One slot of a job on this node: the time it runs for (from the platform's clock) and the serving
 * tenants it goes through, one at a time, each with {@code tenant} and {@code job} in the log MDC;
 * one tenant's failure is logged with its code and does not stop the others.
 */
public final class JobRun {

    private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);
    static final String MDC_TENANT = "tenant";
    static final String MDC_JOB = "job";

    private final String job;
    private final Instant now;
    private final Collection<Tenant> tenants;

    JobRun(String job, Instant now, Collection<Tenant> tenants) {
        this.job = job;
        this.now = now;
        this.tenants = tenants;
    }

    /** A run outside the schedule (a test, the command line, an operator's "run now"): no slot is claimed. */
    public static JobRun unscheduled(String job, Instant now, Collection<Tenant> tenants) {
        return new JobRun(job, now, List.copyOf(tenants));
    }

    public Instant now() {
        return now;
    }

    /** Runs {@code work} for every serving tenant in turn; emits the sum of what the tenants emitted. */
    public Mono<Integer> forEachServingTenant(Function<Tenant, Mono<Integer>> work) {
        return Flux.fromIterable(tenants).filter(Tenant::isServing)
                .concatMap(tenant -> inLogContext(tenant, Mono.defer(() -> work.apply(tenant)))
                        .onErrorResume(e -> {
                            LOG.error("Tenant {}: job {} failed; the other tenants go on", tenant.code(), job, e);
                            return Mono.just(0);
                        }))
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> inLogContext(Tenant tenant, Mono<Integer> work) {
        PropagatedContext context = LogTags.tag(LogTags.tag(PropagatedContext.getOrEmpty(), MDC_TENANT, tenant.code()), MDC_JOB, job);
        return Mono.from(ReactivePropagation.propagate(context, work));
    }
}
