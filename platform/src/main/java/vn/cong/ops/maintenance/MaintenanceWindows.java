package vn.cong.ops.maintenance;

import io.r2dbc.spi.Readable;
import vn.cong.tenancy.PlatformTx;
import vn.cong.tenancy.TenantRows;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.PublicChanges;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Planned maintenance windows: announcing and cancelling them, and what the portals and the status
 * page show of them. Whatever changes a portal's banner moves the affected tenants' content versions
 * (part of every cached page's key), in the same transaction as the change: announcing, cancelling,
 * and each boundary (lead time reached, window started, window over), which {@link #advanceBanners}
 * moves once across all nodes.
 */
@Singleton
public class MaintenanceWindows {

    private static final String COLUMNS =
            "id, all_tenants, tenant_codes, starts_at, ends_at, message_vi, message_en, created_by, created_at";

    private final PlatformDatabase db;
    private final MaintenanceWindowRepository windows;
    private final PublicChanges changes;
    private final MaintenanceConfiguration config;

    MaintenanceWindows(PlatformDatabase db, MaintenanceWindowRepository windows, PublicChanges changes, MaintenanceConfiguration config) {
        this.db = db;
        this.windows = windows;
        this.changes = changes;
        this.config = config;
    }

    /** What the audit trail keeps of a window. */
    public static java.util.Map<String, Object> details(MaintenanceWindow w) {
        return java.util.Map.of("window", w.id(), "tenants", w.allTenants() ? List.of("all") : w.tenantCodes(),
                "startsAt", w.startsAt().toString(), "endsAt", w.endsAt().toString());
    }

    public Mono<MaintenanceWindow> announce(MaintenanceRequest r, String operator, Instant now) {
        // hand-written: Data's @Query runs an INSERT … RETURNING as an update count, not as the row it returns
        return changes.inPlatform((c, change) -> c.one("""
                                INSERT INTO platform.maintenance_windows (all_tenants, tenant_codes, starts_at, ends_at, message_vi,
                                    message_en, created_by, banner_phase)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, platform.maintenance_phase($3, $4, $8::bigint * interval '1 second', $9))
                                RETURNING\s""" + COLUMNS, MaintenanceWindows::window,
                        r.allTenants(), r.tenantCodes().toArray(String[]::new), utc(r.startsAt()), utc(r.endsAt()),
                        r.messageVi(), r.messageEn(), operator, leadSeconds(), utc(now))
                        .flatMap(w -> change.pagesOf(w.allTenants(), w.tenantCodes()).thenReturn(w)));
    }

    /** Cancels a window that is not cancelled yet; false when there is no such window. */
    public Mono<Boolean> cancel(long id, String operator) {
        // hand-written: an UPDATE … RETURNING the row (Data's @Query gives an update count)
        return changes.inPlatform((c, change) -> c.one("""
                                UPDATE platform.maintenance_windows SET cancelled_at = now(), cancelled_by = $2
                                WHERE id = $1 AND cancelled_at IS NULL RETURNING\s""" + COLUMNS, MaintenanceWindows::window,
                        id, operator)
                        .flatMap(w -> change.pagesOf(w.allTenants(), w.tenantCodes()).thenReturn(true)))
                .defaultIfEmpty(false);
    }

    /** Windows not cancelled that end after {@code since}, earliest first. */
    public Flux<MaintenanceWindow> endingAfter(Instant since) {
        return db.flux(tx -> windows.endingAfter(utc(since), tx)).map(MaintenanceWindowRow::window);
    }

    /**
     * The banners a tenant's pages may show from now on, read inside the tenant's page-structure
     * transaction (they are cached with it, under the tenant's content version).
     */
    public Mono<List<MaintenanceNotice>> notices(TenantRows rows, Instant now) {
        // hand-written: bound to the tenant by TenantRows, inside the tenant's page-structure transaction
        return rows.query("SELECT " + COLUMNS + " FROM platform.maintenance_windows"
                                + " WHERE cancelled_at IS NULL AND ends_at > $2 AND (all_tenants OR $1 = ANY (tenant_codes))"
                                + " ORDER BY starts_at, id",
                        MaintenanceWindows::window, utc(now))
                .map(w -> new MaintenanceNotice(w.startsAt().minus(config.bannerLeadTime()), w))
                .collectList();
    }

    /**
     * Moves every window whose banner changes at {@code now} (lead time reached, started, over) to
     * its new phase and the affected tenants to a new content version, in one transaction: with
     * several nodes, the row locks let only the first one move a window. Emits the tenants changed.
     */
    public Mono<List<String>> advanceBanners(Instant now) {
        return changes.inPlatform((c, change) -> c.query("""
                        UPDATE platform.maintenance_windows
                        SET banner_phase = platform.maintenance_phase(starts_at, ends_at, $1::bigint * interval '1 second', $2)
                        WHERE cancelled_at IS NULL
                          AND banner_phase <> platform.maintenance_phase(starts_at, ends_at, $1::bigint * interval '1 second', $2)
                        RETURNING all_tenants, tenant_codes""",
                        r -> new Moved(Boolean.TRUE.equals(r.get(0, Boolean.class)), List.of(r.get(1, String[].class))),
                        leadSeconds(), utc(now))
                .collectList()
                .flatMap(moved -> moved.isEmpty() ? Mono.just(List.<String>of())
                        : change.pagesOf(moved.stream().anyMatch(Moved::allTenants),
                                moved.stream().flatMap(m -> m.tenantCodes().stream()).distinct().toList())));
    }

    /** The tenants a window whose banner moved shows on. */
    private record Moved(boolean allTenants, List<String> tenantCodes) {
    }

    private long leadSeconds() {
        return config.bannerLeadTime().toSeconds();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static MaintenanceWindow window(Readable r) {
        String[] codes = r.get("tenant_codes", String[].class);
        return new MaintenanceWindow(r.get("id", Long.class), Boolean.TRUE.equals(r.get("all_tenants", Boolean.class)),
                codes == null ? List.of() : List.of(codes), r.get("starts_at", OffsetDateTime.class).toInstant(),
                r.get("ends_at", OffsetDateTime.class).toInstant(), r.get("message_vi", String.class),
                r.get("message_en", String.class), r.get("created_by", String.class),
                r.get("created_at", OffsetDateTime.class).toInstant());
    }
}
