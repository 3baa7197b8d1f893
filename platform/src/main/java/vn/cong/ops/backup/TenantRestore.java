package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.SchemaMigrations;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

import java.util.concurrent.ExecutorService;

/** Operator restores: into a new tenant, or into the same tenant after taking a fresh backup. */
@Singleton
public class TenantRestore {

    private final TenantBackups backups;
    private final PlatformDatabase platform;
    private final TenantRegistry registry;
    private final SchemaMigrations schemas;
    private final PublicChanges changes;
    private final Scheduler blocking;

    public TenantRestore(TenantBackups backups, PlatformDatabase platform, TenantRegistry registry, SchemaMigrations schemas,
                         PublicChanges changes,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.backups = backups;
        this.platform = platform;
        this.registry = registry;
        this.schemas = schemas;
        this.changes = changes;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /** What a restore into the same tenant did first: the safety backup it took, or why it took none. */
    public record InPlace(@Nullable BackupRun safety, @Nullable String safetySkipped) {
    }

    /**
     * Restores backup {@code runId} of {@code source} as a new tenant {@code newCode} named {@code nameVi}/{@code nameEn},
     * answering on {@code <abbreviation>.<base-domain>} and nowhere else (no aliases are copied), a member
     * of the same parent as {@code source}. The root portal is never copied: one root per base domain.
     */
    public Mono<Tenant> restoreAsNewTenant(long runId, Tenant source, String newCode, String abbreviation, String nameVi, String nameEn) {
        if (!Tenant.CODE.matcher(newCode).matches()) {
            return Mono.error(new BackupFailure("Mã cổng mới không hợp lệ: " + newCode));
        }
        if (registry.findByCode(newCode).isPresent()) {
            return Mono.error(new BackupFailure("Đã có cổng mã " + newCode));
        }
        if (source.isMinistry()) {
            return Mono.error(new BackupFailure("Cổng gốc " + source.code() + " không khôi phục thành cổng mới được: mỗi tên miền chỉ có một cổng gốc"));
        }
        if (nameVi.isBlank()) {
            return Mono.error(new BackupFailure("Cần tên hiển thị của cổng mới"));
        }
        return Mono.fromCallable(() -> backups.restoreSchemaAs(runId, newCode)).subscribeOn(blocking)
                .flatMap(manifest -> platform.mono(c -> c.update("""
                                INSERT INTO platform.tenants (code, name_vi, name_en, abbreviation, parent_code, schema_name, theme, settings,
                                                              migration_status, schema_migrated_at)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, 'ok', now())""",
                                newCode, nameVi, nameEn, abbreviation, source.parentCode(), Tenant.schemaFor(newCode),
                                manifest.theme(), manifest.settings()))
                        // the host or code was taken meanwhile: leave no schema behind that no tenant owns
                        .onErrorResume(e -> Mono.fromRunnable(() -> backups.dropRestoredSchema(newCode)).subscribeOn(blocking)
                                .then(Mono.error(e))))
                .then(changes.refreshEveryNode())
                .then(Mono.fromCallable(() -> registry.findByCode(newCode).orElseThrow()));
    }

    /**
     * Replaces the tenant's content with backup {@code runId}, after taking a fresh backup of what it
     * holds now. A tenant whose schema is gone has nothing to back up: the safety backup is skipped and
     * the reason given. Either way the tenant serves again at once (registry and page cache move on).
     */
    public Mono<InPlace> restoreInPlace(long runId, Tenant tenant) {
        return Mono.fromCallable(() -> {
                    InPlace first;
                    if (!schemas.schemaExists(tenant.schema())) {
                        first = new InPlace(null, "lược đồ " + tenant.schema()
                                + " không còn trong cơ sở dữ liệu nên không có gì để sao lưu an toàn trước khi khôi phục");
                    } else {
                        BackupRun safety = backups.backup(tenant, "pre-restore");
                        if (!"succeeded".equals(safety.status())) {
                            throw new BackupFailure("Không sao lưu được trạng thái hiện tại trước khi khôi phục: " + safety.error());
                        }
                        first = new InPlace(safety, null);
                    }
                    backups.restoreInPlace(runId, tenant);
                    return first;
                }).subscribeOn(blocking)
                .flatMap(first -> changes.inPlatform((c, change) -> c.update("""
                                UPDATE platform.tenants SET migration_status = 'ok', migration_error = NULL,
                                    schema_migrated_at = coalesce(schema_migrated_at, now())
                                WHERE code = $1""", tenant.code())
                        .then(change.pagesOf(tenant))).thenReturn(first));
    }
}
