package vn.cong.tenancy.jobs;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cluster-job primitive on two nodes sharing one database. */
@MicronautTest(transactional = false)
class ClusterJobsTest extends PlatformTestSupport {

    @Inject Onboarding onboarding;
    @Inject ClusterJobs jobs;
    @Inject List<ClusterJob> enabledJobs;

    private ApplicationContext otherNode;

    @BeforeAll
    void setUp() {
        for (String name : List.of("ministry", "alpha", "beta", "gamma")) {
            TestTenants.onboard(onboarding, name);
        }
        otherNode = ApplicationContext.builder().environments("test").properties(new HashMap<>(getProperties())).start();
    }

    @AfterAll
    void stopOtherNode() {
        if (otherNode != null) {
            otherNode.close();
        }
    }

    /** A job over the serving tenants that records whom it ran for and fails for one of them. */
    private static final class RecordingJob implements ClusterJob {
        final String name;
        final String failingTenant;
        final List<String> ranFor = new CopyOnWriteArrayList<>();
        final AtomicInteger runs = new AtomicInteger();

        RecordingJob(String name, String failingTenant) {
            this.name = name;
            this.failingTenant = failingTenant;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Duration interval() {
            return Duration.ofMinutes(1);
        }

        @Override
        public Mono<Integer> run(JobRun run) {
            runs.incrementAndGet();
            return run.forEachServingTenant(tenant -> {
                if (tenant.code().equals(failingTenant)) {
                    return Mono.error(new IllegalStateException("tenant " + tenant.code() + " is broken"));
                }
                ranFor.add(tenant.code());
                return Mono.just(1);
            });
        }
    }

    @Test
    void aJobWhoseTenantFailsStillRunsForEveryOtherTenant() {
        RecordingJob job = new RecordingJob("test-isolation", "alpha");

        Optional<Integer> done = jobs.run(job, Instant.parse("2026-03-02T01:00:00Z")).block();

        assertEquals(Optional.of(3), done);
        assertEquals(List.of("beta", "bo", "gamma"), job.ranFor.stream().sorted().toList());
    }

    @Test
    void twoNodesClaimOneSlotOnce() {
        RecordingJob job = new RecordingJob("test-claim", null);
        ClusterJobs other = otherNode.getBean(ClusterJobs.class);
        Instant now = Instant.parse("2026-03-02T02:00:30Z");

        List<Optional<Integer>> results = Flux.merge(
                        Mono.defer(() -> jobs.run(job, now)).subscribeOn(Schedulers.parallel()),
                        Mono.defer(() -> other.run(job, now)).subscribeOn(Schedulers.parallel()),
                        Mono.defer(() -> jobs.run(job, now.plusSeconds(10))).subscribeOn(Schedulers.parallel()),
                        Mono.defer(() -> other.run(job, now.plusSeconds(20))).subscribeOn(Schedulers.parallel()))
                .collectList().block();

        assertEquals(1, job.runs.get(), "one run for the slot: " + results);
        assertEquals(1, results.stream().filter(Optional::isPresent).count());
        assertEquals(Optional.of(4), jobs.run(job, now.plusSeconds(60)).block(), "the next slot runs again");
        assertEquals(2, job.runs.get());
    }

    @Test
    void aNodeLocalJobRunsOnEveryNode() {
        AtomicInteger runs = new AtomicInteger();
        ClusterJob local = new ClusterJob() {
            @Override
            public String name() {
                return "test-local";
            }

            @Override
            public Duration interval() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Reach reach() {
                return Reach.EVERY_NODE;
            }

            @Override
            public Mono<Integer> run(JobRun run) {
                return Mono.fromCallable(runs::incrementAndGet);
            }
        };
        Instant now = Instant.parse("2026-03-02T03:00:00Z");

        assertTrue(jobs.run(local, now).block().isPresent());
        assertTrue(otherNode.getBean(ClusterJobs.class).run(local, now).block().isPresent());
        assertEquals(2, runs.get());
    }

    @Test
    void disabledJobsAreNoBeans() {
        // the test settings turn every scheduled job off; only the node-local registry poll stays
        assertEquals(List.of("registry-poll"), enabledJobs.stream().map(ClusterJob::name).toList());
        var withWorkflow = new HashMap<String, Object>(getProperties());
        withWorkflow.put("cong.workflow.scheduler.enabled", "true");
        withWorkflow.put("cong.maintenance.scheduler.enabled", "true");
        withWorkflow.put("cong.outbox.enabled", "true"); // the workflow's notification e-mails go out through the outbox's job
        withWorkflow.put("cong.accounts.dormant.enabled", "true");
        try (ApplicationContext node = ApplicationContext.builder().environments("test").properties(withWorkflow).start()) {
            assertEquals(List.of("deadline-reminders", "dormant-accounts", "maintenance-banners", "outbox", "registry-poll",
                            "scheduled-publishing", "scheduled-unpublishing"),
                    node.getBeansOfType(ClusterJob.class).stream().map(ClusterJob::name).sorted().toList());
        }
    }
}
