package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import vn.cong.tenancy.PlatformDatabase;
import vn.cong.tenancy.PublicChanges;
import vn.cong.tenancy.SchemaNames;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;

/**
 * Operator restores: into a new tenant, or into the same tenant after taking a fresh backup. The backup
 * is found among the source tenant's own runs and its files checked against its manifest before
 * anything is dropped; {@link SchemaRestore} does the blocking part on the {@code backups} executor.
 */
@Singleton
public class TenantRestore {

    private static final Logger LOG = LoggerFactory.getLogger(TenantRestore.class);

    private final TenantBackups backups;
    private final SchemaRestore schemas;
    private final BackupRuns runs;
    private final MeteredSteps steps;
    private final PlatformDatabase platform;
    private final BackupThreads threads;
    private final TenantRegistry registry;
    private final PublicChanges changes;

    TenantRestore(TenantBackups backups, SchemaRestore schemas, BackupRuns runs, MeteredSteps steps, PlatformDatabase platform,
                  BackupThreads threads, TenantRegistry registry, PublicChanges changes) {
        this.backups = backups;
        this.schemas = schemas;
        this.runs = runs;
        this.steps = steps;
        this.platform = platform;
        this.threads = threads;
        this.registry = registry;
        this.changes = changes;
    }

    /** What a restore into the same tenant did first: the safety backup it took, or why it took none. */
    public record InPlace(@Nullable BackupRun safety, @Nullable String safetySkipped) {
    }

    /** A backup found among its tenant's runs, whose files match its manifest. */
    private record Intact(BackupRun run, BackupManifest manifest) {
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
        return intact(source, runId)
                .flatMap(backup -> threads.run(() -> schemas.asNewTenant(backup.run(), backup.manifest(), newCode)).thenReturn(backup.manifest()))
                .flatMap(manifest -> platform.mono(c -> c.update("""
                                INSERT INTO platform.tenants (code, name_vi, name_en, abbreviation, parent_code, schema_name, theme, settings,
                                                              migration_status, schema_migrated_at, domain)
                                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, 'ok', now(), $9)""",
                                newCode, nameVi, nameEn, abbreviation, source.parentCode(), Tenant.schemaFor(newCode),
                                manifest.theme(), manifest.settings(), vn.cong.system.Sql.orNull(source.domain(), String.class)))
                        // the host or code was taken meanwhile: leave no schema behind that no tenant owns
                        .onErrorResume(e -> dropRestored(newCode).then(Mono.error(e))))
                .then(changes.refreshEveryNode())
                .then(Mono.fromCallable(() -> registry.findByCode(newCode).orElseThrow()));
    }

    /**
     * Replaces the tenant's content with backup {@code runId}, after taking a fresh backup of what it
     * holds now. A tenant whose schema is gone has nothing to back up: the safety backup is skipped and
     * the reason given. Either way the tenant serves again at once (registry and page cache move on).
     */
    public Mono<InPlace> restoreInPlace(long runId, Tenant tenant) {
        return intact(tenant, runId)
                .flatMap(backup -> {
                    if (!backup.manifest().schema().equals(tenant.schema())) {
                        return Mono.error(new BackupFailure("Bản sao lưu " + runId + " là của cổng " + backup.manifest().tenantCode()
                                + ", không phải " + tenant.code()));
                    }
                    if (tenant.moving()) {
                        return Mono.error(new BackupFailure("Cổng " + tenant.code() + " đang được chuyển sang cụm cơ sở dữ liệu khác; hãy khôi phục sau khi chuyển xong"));
                    }
                    return safetyFirst(tenant)
                            .flatMap(first -> threads.run(() -> schemas.dropSchemaOf(tenant))
                                    .onErrorMap(e -> new BackupFailure("Không xoá được lược đồ hiện tại: " + e.getMessage(), e))
                                    .then(threads.run(() -> schemas.intoDroppedSchema(backup.run(), backup.manifest(), tenant)))
                                    .thenReturn(first));
                })
                .flatMap(first -> changes.inPlatform((c, change) -> c.update("""
                                UPDATE platform.tenants SET migration_status = 'ok', migration_error = NULL,
                                    schema_migrated_at = coalesce(schema_migrated_at, now())
                                WHERE code = $1""", tenant.code())
                        .then(change.pagesOf(tenant))).thenReturn(first));
    }

    private Mono<Intact> intact(Tenant tenant, long runId) {
        return platform.mono(tx -> runs.find(tx.forTenant(tenant), runId))
                .switchIfEmpty(Mono.error(() -> new BackupFailure("Không có bản sao lưu số " + runId)))
                .flatMap(run -> threads.call(() -> new Intact(run, steps.readIntact(run))));
    }

    private Mono<InPlace> safetyFirst(Tenant tenant) {
        // in the tenant's own database, wherever its cluster is
        return threads.call(() -> schemas.schemaExists(tenant))
                .flatMap(exists -> exists
                        ? backups.backup(tenant, "pre-restore").flatMap(safety -> "succeeded".equals(safety.status())
                                ? Mono.just(new InPlace(safety, null))
                                : Mono.error(new BackupFailure("Không sao lưu được trạng thái hiện tại trước khi khôi phục: " + safety.error())))
                        : Mono.just(new InPlace(null, "lược đồ " + tenant.schema()
                                + " không còn trong cơ sở dữ liệu nên không có gì để sao lưu an toàn trước khi khôi phục")));
    }

    /** Drops the schema and media a restore as {@code newCode} created, when the new tenant could not be registered. */
    private Mono<Void> dropRestored(String newCode) {
        return dropSchema(Tenant.schemaFor(newCode))
                .onErrorResume(e -> {
                    LOG.error("Restored schema of {} could not be dropped after a failed registration", newCode, e);
                    return Mono.empty();
                })
                .then(threads.run(() -> schemas.dropMedia(newCode)));
    }

    /** Absent is fine: a lost schema is restored into. */
    private Mono<Void> dropSchema(String schema) {
        return platform.mono(tx -> tx.update("DROP SCHEMA IF EXISTS " + SchemaNames.quoted(schema) + " CASCADE")).then();
    }
}
