package vn.cong.ops.uptime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param enabled         probe on a schedule (tests drive rounds by hand)
 * @param interval        one probe round per interval, across all nodes
 * @param timeout         a target that has not answered by then is down
 * @param failuresToOpen  consecutive failed checks that open an incident
 * @param selfUrl         where this platform's own HTTP path is reached (tenant hosts are probed through it)
 * @param probeLinkedSites probe independent member sites too (off for local runs: no traffic leaves the machine)
 * @param tick            how often each node looks whether the round's slot is due
 * @param initialDelay    the first look after start-up
 */
@ConfigurationProperties("cong.uptime")
public record UptimeConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "60s") Duration interval,
        @Bindable(defaultValue = "10s") Duration timeout,
        @Bindable(defaultValue = "3") int failuresToOpen,
        @Bindable(defaultValue = "http://127.0.0.1:8080") String selfUrl,
        @Bindable(defaultValue = "true") boolean probeLinkedSites,
        @Bindable(defaultValue = "10s") Duration tick,
        @Bindable(defaultValue = "30s") Duration initialDelay) {
}
