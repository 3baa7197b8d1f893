package vn.cong.workflow;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.ScheduledJob;

import java.time.ZoneOffset;

/**
 * The workflow's cluster jobs (publishing and taking down on time, deadline reminders) (its notification e-mails go out through the outbox's job), each over every serving tenant. Each slot runs on one node;
 * the rows themselves are claimed too ({@code FOR UPDATE SKIP LOCKED}, a claiming {@code UPDATE}),
 * so a manual run next to the schedule still does each thing once.
 */
@Factory
@Requires(property = "cong.workflow.scheduler.enabled", notEquals = "false")
class WorkflowJobs {

    @Singleton
    ClusterJob scheduledPublishing(ScheduledPublishing publishing, WorkflowSchedulerConfiguration config) {
        return ScheduledJob.oneNode("scheduled-publishing", config.interval(), config.initialDelay(),
                run -> run.forEachServingTenant(publishing::publishDue));
    }

    @Singleton
    ClusterJob scheduledUnpublishing(ScheduledUnpublishing unpublishing, WorkflowSchedulerConfiguration config) {
        return ScheduledJob.oneNode("scheduled-unpublishing", config.interval(), config.initialDelay(),
                run -> run.forEachServingTenant(tenant -> unpublishing.takeDownDue(tenant, run.now())));
    }

    @Singleton
    ClusterJob deadlineReminders(DeadlineReminders reminders, WorkflowSchedulerConfiguration config) {
        return ScheduledJob.oneNode("deadline-reminders", config.interval(), config.initialDelay(),
                run -> run.forEachServingTenant(tenant -> reminders.remindDue(tenant, run.now().atOffset(ZoneOffset.UTC))));
    }
}
