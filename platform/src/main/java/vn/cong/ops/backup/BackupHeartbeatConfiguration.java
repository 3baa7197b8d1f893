package vn.cong.ops.backup;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How a node keeps its backups, verifications and restores alive, and when one is given up for dead.
 *
 * @param enabled  whether this node writes heartbeats (tests drive {@link BackupHeartbeat#beat} by hand)
 * @param interval how often the node writes {@code heartbeat_at} on every run it is working on
 * @param limit    a run whose heartbeat is older than this was cut off by a stopped node: the backup job marks it failed
 */
@ConfigurationProperties("cong.backup.heartbeat")
public record BackupHeartbeatConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "30s") Duration interval,
        @Bindable(defaultValue = "10m") Duration limit) {
}
