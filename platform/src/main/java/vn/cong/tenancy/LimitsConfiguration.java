package vn.cong.tenancy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Platform-wide defaults for the per-tenant limits ({@link TenantLimits}); the operator's value for a tenant wins.
 *
 * @param requestsPerMinute requests a minute a tenant may make the platform work for (none by default)
 * @param mediaBytes        bytes of uploaded files a tenant may keep (none by default)
 */
@ConfigurationProperties("cong.limits")
public record LimitsConfiguration(@Nullable Integer requestsPerMinute, @Nullable Long mediaBytes) {

    public TenantLimits defaults() {
        return new TenantLimits(requestsPerMinute, mediaBytes);
    }

    /** What applies to {@code tenant}: its own values, else these defaults. */
    public TenantLimits of(Tenant tenant) {
        return tenant.limits().or(defaults());
    }
}
