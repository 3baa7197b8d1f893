package vn.cong.ops.maintenance;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Planned maintenance windows.
 *
 * @param bannerLeadTime how long before a window its banner appears on the affected portals
 */
@ConfigurationProperties("cong.maintenance")
public record MaintenanceConfiguration(@Bindable(defaultValue = "48h") Duration bannerLeadTime) {
}
