package vn.cong.tenancy.outbox;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.ScheduledJob;

/** Delivers the outbox's due messages on one node per interval ({@code cong.outbox.enabled}, {@code .interval}). */
@Factory
@Requires(property = "cong.outbox.enabled", notEquals = "false")
class OutboxJob {

    @Singleton
    ClusterJob outboxDelivery(Outbox outbox, OutboxConfiguration config) {
        return ScheduledJob.oneNode("outbox", config.interval(), config.initialDelay(), outbox::deliver);
    }
}
