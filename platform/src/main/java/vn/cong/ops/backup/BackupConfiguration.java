package vn.cong.ops.backup;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * @param root      where backups are written: {@code <root>/<tenant>/<timestamp>/}
 * @param pgDump    the pg_dump binary (its major version must match the server's)
 * @param pgRestore the pg_restore binary
 * @param restoreJobs pg_restore's parallel jobs ({@code -j}): tables loaded and indexes built side by side (a tenant's
 *                    largest table, {@code content_items}, recomputes its search columns while the others load)
 * @param restoreMaintenanceWorkMem {@code maintenance_work_mem} of pg_restore's sessions (through {@code PGOPTIONS}):
 *                    the memory each index build sorts and gathers in; the full-text and trigram GIN indexes of a large
 *                    tenant build in far fewer passes with more than the server's default (64 MB). Each of the
 *                    {@code restoreJobs} sessions may use it at once.
 * @param format    how new backups hold the tenant's rows ({@link BackupFormat}): {@code copy} (each table of the
 *                  tenant's schema, read from it alone) or {@code pg-dump} (one pg_dump archive, reading the database's
 *                  whole catalogue, slower as the database holds more tenants)
 */
@ConfigurationProperties("cong.backup")
public record BackupConfiguration(
        @Bindable(defaultValue = "data/backups") Path root,
        @Bindable(defaultValue = "pg_dump") String pgDump,
        @Bindable(defaultValue = "pg_restore") String pgRestore,
        @Bindable(defaultValue = "2") int restoreJobs,
        @Bindable(defaultValue = "256MB") String restoreMaintenanceWorkMem,
        @Bindable(defaultValue = "copy") String format) {

    /** The format of new backups, from {@code format} ({@code copy} or {@code pg-dump}). */
    public BackupFormat rowsFormat() {
        return BackupFormat.of(format);
    }
}
