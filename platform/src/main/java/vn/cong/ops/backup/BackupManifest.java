package vn.cong.ops.backup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a backup holds, written beside it as {@code manifest.json}: the SHA-256 of every file, and
 * per table the row count and a content digest, all taken from the very snapshot that was dumped.
 * {@code digestColumns} says which columns the digests cover ({@link SchemaMeasures.Columns}): {@code dumped} (the
 * columns a dump holds, stored generated columns left out); absent in older manifests, whose digests cover every column.
 * {@code format} says how the rows are held ({@link BackupFormat}); for {@code copy}, {@code tableColumns} gives each table's
 * columns in file order and {@code sequences} the schema's sequence values. All three are absent in pg_dump backups.
 */
@Serdeable
public record BackupManifest(
        String tenantCode,
        String schema,
        String nameVi,
        String nameEn,
        OffsetDateTime createdAt,
        String platformVersion,
        String migrationVersion,
        String theme,
        String settings,
        Map<String, String> files,
        Map<String, Long> rowCounts,
        Map<String, String> tableDigests,
        @Nullable String digestColumns,
        @Nullable String format,
        @Nullable Map<String, List<String>> tableColumns,
        @Nullable Map<String, SchemaTables.SequenceValue> sequences) {

    /** How the rows are held: {@code copy} ({@code tables/}) or, in manifests that name none, pg_dump ({@code schema.dump}). */
    BackupFormat rowsFormat() {
        return BackupFormat.of(format);
    }
}
