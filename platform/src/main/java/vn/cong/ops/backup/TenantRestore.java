package vn.cong.ops.backup;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.system.Sql;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.util.concurrent.ExecutorService;

/** Operator restores: into a new tenant, or into the same tenant after taking a fresh backup. */
@Singleton
public class TenantRestore {

    private final TenantBackups backups;
    private final PlatformDatabase platform;
    private final TenantRegistry registry;
    private final PublicChanges changes;
    private final Scheduler blocking;

    public TenantRestore(TenantBackups backups, PlatformDatabase platform, TenantRegistry registry, PublicChanges changes,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.backups = backups;
        this.platform = platform;
        this.registry = registry;
        this.changes = changes;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /** Restores backup {@code runId} as a new tenant {@code newCode} answering on {@code <abbreviation>.<base-domain>}. */
    public Mono<Tenant> restoreAsNewTenant(long runId, String newCode, String abbreviation) {
        if (!Tenant.CODE.matcher(newCode).matches()) {
            return Mono.error(new BackupFailure("Mã cổng mới không hợp lệ: " + newCode));
        }
        if (registry.findByCode(newCode).isPresent()) {
            return Mono.error(new BackupFailure("Đã có cổng mã " + newCode));
        }
        return Mono.fromCallable(() -> backups.restoreSchemaAs(runId, newCode)).subscribeOn(blocking)
                .flatMap(manifest -> platform.mono(c -> Sql.update(c, """
                                INSERT INTO platform.tenants (code, name_vi, name_en, abbreviation, schema_name, theme, settings,
                                                              migration_status)
                                VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, 'ok')""",
                        newCode, manifest.nameVi(), manifest.nameEn(), abbreviation, Tenant.schemaFor(newCode),
                        manifest.theme(), manifest.settings())))
                .then(changes.refreshEveryNode())
                .then(Mono.fromCallable(() -> registry.findByCode(newCode).orElseThrow()));
    }

    /** Takes a fresh backup of the tenant, then replaces its content with backup {@code runId}. */
    public Mono<BackupRun> restoreInPlace(long runId, Tenant tenant) {
        return Mono.fromCallable(() -> {
                    BackupRun safety = backups.backup(tenant, "pre-restore");
                    if (!"succeeded".equals(safety.status())) {
                        throw new BackupFailure("Không sao lưu được trạng thái hiện tại trước khi khôi phục: " + safety.error());
                    }
                    backups.restoreInPlace(runId, tenant);
                    return safety;
                }).subscribeOn(blocking)
                .flatMap(safety -> changes.inPlatform((c, change) -> change.pagesOf(tenant)).thenReturn(safety));
    }
}
