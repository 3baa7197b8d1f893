package vn.cong.engagement;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.inject.Singleton;
import vn.cong.tenancy.jobs.ClusterJob;
import vn.cong.tenancy.jobs.CronSlots;
import vn.cong.tenancy.jobs.ScheduledJob;

import java.time.Duration;

/**
 * The Q&A jobs, each once across nodes and tenant by tenant (one tenant's failure does not stop the others): reminders
 * when a step nears its deadline, and the daily anonymisation of the personal data of questions (and petitions) closed longer ago than
 * each tenant keeps it (Decree 13/2023; 24 months by default).
 */
@Factory
class QuestionJobs {

    static final String ANONYMISATION = "question-anonymisation";

    /**
     * @param enabled      whether this node ticks it (the job is a bean only when not {@code false})
     * @param cron         when it runs, in Vietnam time
     * @param tick         how often each node looks whether a slot of the cron is due
     * @param initialDelay the first look after start-up
     */
    @ConfigurationProperties("cong.engagement.anonymise")
    record Configuration(@Bindable(defaultValue = "true") boolean enabled, @Bindable(defaultValue = "0 15 3 * * *") String cron,
                         @Bindable(defaultValue = "60s") Duration tick, @Bindable(defaultValue = "60s") Duration initialDelay) {
    }

    /** Reminders when a question's step nears its deadline, every few minutes, once across nodes. */
    @Singleton
    @Requires(property = "cong.engagement.reminders.enabled", notEquals = "false")
    ClusterJob questionRemindersJob(QuestionDesk desk, @io.micronaut.context.annotation.Value("${cong.engagement.reminders.every:5m}") Duration every,
                                    @io.micronaut.context.annotation.Value("${cong.workflow.due-soon:6h}") Duration window) {
        return ScheduledJob.oneNode("question-reminders", every, Duration.ofSeconds(90),
                run -> run.forEachServingTenant(tenant -> desk.remind(tenant, window)));
    }

    @Singleton
    @Requires(property = "cong.engagement.anonymise.enabled", notEquals = "false")
    ClusterJob questionAnonymisationJob(QuestionDesk desk, PetitionDesk petitions, Configuration config) {
        return ScheduledJob.oneNode(ANONYMISATION, config.tick(), config.initialDelay(),
                        run -> run.forEachServingTenant(tenant -> desk.anonymiseExpired(tenant)
                                .flatMap(questions -> petitions.anonymiseExpired(tenant).map(p -> (int) (questions + p)))))
                .slottedBy(CronSlots.of(config.cron()));
    }
}
