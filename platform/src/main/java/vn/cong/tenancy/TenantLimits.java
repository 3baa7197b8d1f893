package vn.cong.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the operator allows one tenant so that it cannot starve the others (noisy neighbours): requests a
 * minute that make the platform work (pages from the cache are exempt) and bytes of stored files. A null
 * value falls back to the platform default ({@code cong.limits.*}), which is no limit unless configured.
 */
@Serdeable
public record TenantLimits(@Nullable Integer requestsPerMinute, @Nullable Long mediaBytes) {

    public static final TenantLimits NONE = new TenantLimits(null, null);

    /** This tenant's limits, each missing one taken from {@code defaults}. */
    public TenantLimits or(TenantLimits defaults) {
        return new TenantLimits(requestsPerMinute != null ? requestsPerMinute : defaults.requestsPerMinute(),
                mediaBytes != null ? mediaBytes : defaults.mediaBytes());
    }
}
