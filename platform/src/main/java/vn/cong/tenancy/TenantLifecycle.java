package vn.cong.tenancy;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import vn.cong.system.Sql;
import vn.cong.tenancy.Tenant.TenantStatus;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static vn.cong.tenancy.Tenant.TenantStatus.ACTIVE;
import static vn.cong.tenancy.Tenant.TenantStatus.ARCHIVED;
import static vn.cong.tenancy.Tenant.TenantStatus.MERGED;
import static vn.cong.tenancy.Tenant.TenantStatus.REQUESTED;
import static vn.cong.tenancy.Tenant.TenantStatus.SUSPENDED;

/**
 * Moves a portal through its lifecycle: requested → active → suspended → merged/archived. Sites
 * that cannot run well are stopped or merged into the main portal [000 Đ8.5–8.6]. Each change is
 * appended to {@code platform.tenant_status_changes} and reaches every node through the registry.
 */
@Singleton
public class TenantLifecycle {

    private static final Map<TenantStatus, Set<TenantStatus>> NEXT = Map.of(
            REQUESTED, EnumSet.of(ACTIVE, ARCHIVED),
            ACTIVE, EnumSet.of(SUSPENDED, MERGED, ARCHIVED),
            SUSPENDED, EnumSet.of(ACTIVE, MERGED, ARCHIVED),
            MERGED, EnumSet.of(ARCHIVED),
            ARCHIVED, EnumSet.noneOf(TenantStatus.class));

    private final PublicChanges changes;

    public TenantLifecycle(PublicChanges changes) {
        this.changes = changes;
    }

    public static boolean allowed(TenantStatus from, TenantStatus to) {
        return from == to || NEXT.get(from).contains(to);
    }

    /** Changes a tenant's status (or only its notice, when the status stays). */
    public Mono<StatusChange> change(String code, TenantStatus to, @Nullable String notice, String actor) {
        return changes.inPlatform((c, publicChange) -> c.one("SELECT status, status_notice FROM platform.tenants WHERE code = $1 FOR UPDATE",
                        r -> new String[]{r.get(0, String.class), r.get(1, String.class)}, code)
                .flatMap(current -> {
                    TenantStatus from = TenantStatus.of(current[0]);
                    if (!allowed(from, to)) {
                        return Mono.just(new StatusChange(Outcome.NOT_ALLOWED, from, to));
                    }
                    if (from == to && Objects.equals(current[1], notice)) {
                        return Mono.just(new StatusChange(Outcome.UNCHANGED, from, to));
                    }
                    return c.update("UPDATE platform.tenants SET status = $2, status_notice = $3, updated_at = now() WHERE code = $1",
                                    code, to.db(), Sql.orNull(notice, String.class))
                            .then(c.update("""
                                            INSERT INTO platform.tenant_status_changes (tenant_code, from_status, to_status, notice, actor)
                                            VALUES ($1, $2, $3, $4, $5)""",
                                    code, from.db(), to.db(), Sql.orNull(notice, String.class), actor))
                            .then(publicChange.registry())
                            .thenReturn(new StatusChange(Outcome.CHANGED, from, to));
                })
                .defaultIfEmpty(new StatusChange(Outcome.UNKNOWN_TENANT, null, to)));
    }

    public enum Outcome { CHANGED, UNCHANGED, UNKNOWN_TENANT, NOT_ALLOWED }

    public record StatusChange(Outcome outcome, @Nullable TenantStatus from, TenantStatus to) {
    }
}
