package vn.cong.tenancy;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Marks a tenant whose schema is gone as {@code missing}: its portal answers 503 (cached pages may
 * still be served), the console lists it and operators are alerted ({@link SchemaMissing}). Nothing
 * here creates a schema: a lost one comes back only by restoring a backup.
 */
@Singleton
public class LostSchemas {

    private static final Logger LOG = LoggerFactory.getLogger(LostSchemas.class);

    private final PlatformDatabase platform;
    // a provider: PublicChanges needs TenantDatabase, which reports lost schemas here
    private final BeanProvider<PublicChanges> changes;
    private final ApplicationEventPublisher<SchemaMissing> events;

    public LostSchemas(PlatformDatabase platform, BeanProvider<PublicChanges> changes, ApplicationEventPublisher<SchemaMissing> events) {
        this.platform = platform;
        this.changes = changes;
        this.events = events;
    }

    /** Marks the tenant missing unless it already is; {@code foundBy} says who noticed (start-up, a request, onboarding). */
    public Mono<Void> markMissing(String code, String schema, String foundBy) {
        return markMissing(code, schema, foundBy, null);
    }

    /**
     * The same, only if the tenant still lives in {@code database} (when not null): a schema found gone where a
     * move has just left it is not lost.
     */
    public Mono<Void> markMissing(String code, String schema, String foundBy, @io.micronaut.core.annotation.Nullable String database) {
        return platform.mono(c -> c.one("""
                        UPDATE platform.tenants SET migration_status = 'missing', migration_error = $2, updated_at = now()
                        WHERE code = $1 AND migration_status <> 'missing' AND ($3::text IS NULL OR database_name = $3)
                        RETURNING code""", r -> r.get(0, String.class),
                        code, "lược đồ " + schema + " không còn trong cơ sở dữ liệu (phát hiện khi " + foundBy
                                + "); hãy khôi phục từ bản sao lưu", vn.cong.system.Sql.orNull(database, String.class)))
                .flatMap(marked -> {
                    LOG.error("ALERT tenant {}: schema {} is missing (found by {}); its portal answers 503 until restored from a backup",
                            code, schema, foundBy);
                    events.publishEvent(new SchemaMissing(code, schema, foundBy));
                    return changes.get().refreshEveryNode();
                })
                .then();
    }
}
