package vn.cong.ops.integrity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The daily integrity check.
 *
 * @param cron    when it runs, in Asia/Ho_Chi_Minh (seconds minutes hours day month weekday); a slot
 *                missed while every node was down runs as soon as a node is up, until the next slot
 * @param enabled whether this node takes part in the schedule (the command and the API always work)
 * @param tick    how often each node looks whether a slot is due
 * @param initialDelay the first look after start-up
 */
@ConfigurationProperties("cong.integrity")
public record IntegrityConfiguration(
        @Bindable(defaultValue = "0 30 2 * * *") String cron,
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "60s") Duration tick,
        @Bindable(defaultValue = "60s") Duration initialDelay) {
}
