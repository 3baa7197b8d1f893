package vn.cong.workflow;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The workflow's jobs: scheduled publishing, deadline reminders and notification e-mails.
 *
 * @param enabled      whether this node ticks them (tests drive them by hand)
 * @param interval     how often scheduled publishing and reminders look for due items
 * @param initialDelay the first look after start-up
 */
@ConfigurationProperties("cong.workflow.scheduler")
public record WorkflowSchedulerConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "30s") Duration interval,
        @Bindable(defaultValue = "20s") Duration initialDelay) {
}
