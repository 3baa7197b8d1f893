package vn.cong.workflow;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.JobRun;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.BiFunction;

/**
 * The workflow's three cluster jobs, each over every serving tenant. Each slot runs on one node;
 * the rows themselves are claimed too ({@code FOR UPDATE SKIP LOCKED}, a claiming {@code UPDATE}),
 * so a manual run next to the schedule still does each thing once.
 */
@Factory
@Requires(property = "cong.workflow.scheduler.enabled", notEquals = "false")
class WorkflowJobs {

    /** A job over the serving tenants. */
    record TenantJob(String name, Duration interval, Duration initialDelay,
                     BiFunction<Tenant, JobRun, Mono<Integer>> work) implements ClusterJob {

        @Override
        public Mono<Integer> run(JobRun run) {
            return run.forEachServingTenant(tenant -> work.apply(tenant, run));
        }
    }

    @Singleton
    ClusterJob scheduledPublishing(ScheduledPublishing publishing, WorkflowSchedulerConfiguration config) {
        return new TenantJob("scheduled-publishing", config.interval(), config.initialDelay(),
                (tenant, run) -> publishing.publishDue(tenant));
    }

    @Singleton
    ClusterJob deadlineReminders(DeadlineReminders reminders, WorkflowSchedulerConfiguration config) {
        return new TenantJob("deadline-reminders", config.interval(), config.initialDelay(),
                (tenant, run) -> reminders.remindDue(tenant, run.now().atOffset(ZoneOffset.UTC)));
    }

    @Singleton
    ClusterJob notificationEmails(NotificationEmails emails, WorkflowSchedulerConfiguration config,
                                  @Value("${cong.workflow.email.interval:30s}") Duration interval) {
        return new TenantJob("notification-emails", interval, config.initialDelay(),
                (tenant, run) -> emails.deliver(tenant));
    }
}
