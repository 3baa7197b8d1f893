package vn.cong.tenancy;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;

import java.util.Optional;

/**
 * The operator sets a tenant's limits ({@link TenantLimits}); every node holds the tenant to them as soon as
 * its registry reloads (at once here, on the others through the registry nudge).
 */
@Singleton
public class TenantLimitSettings {

    /** Bounds on what an operator may type, so a slip of the keyboard cannot shut a portal out entirely. */
    public static final int MIN_REQUESTS_PER_MINUTE = 60;
    public static final long MIN_MEDIA_BYTES = 1024L * 1024;

    private final PublicChanges changes;

    public TenantLimitSettings(PublicChanges changes) {
        this.changes = changes;
    }

    /** The limits before the change, empty when there is no such tenant. Null values mean the platform default. */
    public Mono<Optional<TenantLimits>> set(String code, TenantLimits limits) {
        return changes.inPlatform((c, publicChange) -> c.one(
                        "SELECT request_limit_per_minute, media_limit_bytes FROM platform.tenants WHERE code = $1 FOR UPDATE",
                        r -> new TenantLimits(r.get(0, Integer.class), r.get(1, Long.class)), code)
                .flatMap(before -> c.update("""
                                UPDATE platform.tenants SET request_limit_per_minute = $2, media_limit_bytes = $3, updated_at = now()
                                WHERE code = $1""", code, Sql.orNull(limits.requestsPerMinute(), Integer.class),
                                Sql.orNull(limits.mediaBytes(), Long.class))
                        .then(publicChange.registry())
                        .thenReturn(Optional.of(before)))
                .defaultIfEmpty(Optional.empty()));
    }
}
