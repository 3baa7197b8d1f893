package vn.cong.reports.produced;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Reports produced on the profile's cadence and waiting for the head's sign-off.
 *
 * @param enabled           whether this node ticks the job (the job is a bean only when not {@code false})
 * @param cron              when it looks for periods that have ended, in Vietnam time (by default 00:05 every day)
 * @param tick              how often each node looks whether a slot of the cron is due
 * @param initialDelay      the first look after start-up
 * @param catchUp           how far back a run looks for periods not produced yet (after downtime)
 * @param accountsQuarterly whether the quarterly account activity report (000 Đ7.2d) is produced too
 */
@ConfigurationProperties("cong.reports.cadence")
public record ReportCadenceConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "0 5 0 * * *") String cron,
        @Bindable(defaultValue = "5m") Duration tick,
        @Bindable(defaultValue = "90s") Duration initialDelay,
        @Bindable(defaultValue = "400d") Duration catchUp,
        @Bindable(defaultValue = "true") boolean accountsQuarterly) {
}
