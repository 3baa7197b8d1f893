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
 * when a question's or petition's step nears its deadline (with the desk's batched notice of new comments on drafts), and
 * the daily anonymisation of the personal data of questions, petitions and comments on drafts closed longer ago than
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

    /** Reminders when a question's or a petition's step nears its deadline, every few minutes, once across nodes. */
    @Singleton
    @Requires(property = "cong.engagement.reminders.enabled", notEquals = "false")
    ClusterJob questionRemindersJob(QuestionDesk desk, PetitionDesk petitions, CommentModeration comments, @io.micronaut.context.annotation.Value("${cong.engagement.reminders.every:5m}") Duration every,
                                    @io.micronaut.context.annotation.Value("${cong.workflow.due-soon:6h}") Duration window) {
        return ScheduledJob.oneNode("question-reminders", every, Duration.ofSeconds(90),
                run -> run.forEachServingTenant(tenant -> desk.remind(tenant, window)
                        .flatMap(questions -> petitions.remind(tenant, window).map(p -> questions + p))
                        // and the desk hears of the comments confirmed on drafts since the last round, one notice per draft
                        .flatMap(n -> comments.notifyDesk(tenant).map(m -> n + m.intValue()))));
    }

    @Singleton
    @Requires(property = "cong.engagement.anonymise.enabled", notEquals = "false")
    ClusterJob questionAnonymisationJob(QuestionDesk desk, PetitionDesk petitions, CommentModeration comments, Configuration config) {
        return ScheduledJob.oneNode(ANONYMISATION, config.tick(), config.initialDelay(),
                        run -> run.forEachServingTenant(tenant -> desk.anonymiseExpired(tenant)
                                .flatMap(questions -> petitions.anonymiseExpired(tenant).map(p -> questions + p))
                                .flatMap(n -> comments.anonymiseExpired(tenant).map(m -> (int) (n + m)))))
                .slottedBy(CronSlots.of(config.cron()));
    }
}
