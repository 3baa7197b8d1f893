package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.time.OffsetDateTime;

/**
 * What the console and the API show of backups: read reactively from the platform schema, always
 * scoped to one tenant (a run id of another tenant finds nothing; an unknown tenant code has nothing).
 */
@Singleton
public class BackupHistory {

    private final PlatformDatabase db;
    private final BackupRuns runs;
    private final BackupSchedules schedules;
    private final TenantRegistry registry;

    BackupHistory(PlatformDatabase db, BackupRuns runs, BackupSchedules schedules, TenantRegistry registry) {
        this.db = db;
        this.runs = runs;
        this.schedules = schedules;
        this.registry = registry;
    }

    /** A tenant's schedule: its cron, retention, whether each backup is verified, and the next slot. */
    @Serdeable
    /** A tenant's schedule; {@code source}: {@code profile} (follows its regulation profile) or {@code operator} (set explicitly). */
    public record Schedule(String cron, int keepDaily, int keepWeekly, boolean verify, OffsetDateTime nextRunAt, String source) {

        public boolean fromProfile() {
            return "profile".equals(source);
        }
    }

    /** One tenant's line on the backups overview. */
    public record TenantSummary(String code, String nameVi, @Nullable String cron, @Nullable OffsetDateTime nextRunAt,
                                @Nullable BackupRun last) {
    }

    public Flux<BackupRun> runs(String tenantCode, int limit) {
        return tenant(tenantCode).flatMapMany(t -> db.flux(tx -> runs.list(tx.forTenant(t), limit)));
    }

    public Mono<BackupRun> find(String tenantCode, long id) {
        return tenant(tenantCode).flatMap(t -> find(t, id));
    }

    public Mono<BackupRun> find(Tenant tenant, long id) {
        return db.mono(tx -> runs.find(tx.forTenant(tenant), id));
    }

    public Mono<Schedule> schedule(String tenantCode) {
        return tenant(tenantCode).flatMap(t -> db.mono(tx -> schedules.find(tx.forTenant(t))));
    }

    public Flux<RestoreRun> restores(String tenantCode, int limit) {
        return tenant(tenantCode).flatMapMany(t -> db.flux(tx -> runs.restores(tx.forTenant(t), limit)));
    }

    public Mono<RestoreRun> restore(String tenantCode, long id) {
        return tenant(tenantCode).flatMap(t -> db.mono(tx -> runs.findRestore(tx.forTenant(t), id)));
    }

    /** Every tenant with its schedule and its latest backup. */
    public Flux<TenantSummary> overview() {
        return db.flux(runs::overview);
    }

    private Mono<Tenant> tenant(String code) {
        return Mono.justOrEmpty(registry.findByCode(code));
    }
}
