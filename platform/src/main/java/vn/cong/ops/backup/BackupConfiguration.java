package vn.cong.ops.backup;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.nio.file.Path;

/**
 * @param root      where backups are written: {@code <root>/<tenant>/<timestamp>/}
 * @param pgDump    the pg_dump binary (its major version must match the server's)
 * @param pgRestore the pg_restore binary
 */
@ConfigurationProperties("cong.backup")
public record BackupConfiguration(
        @Bindable(defaultValue = "data/backups") Path root,
        @Bindable(defaultValue = "pg_dump") String pgDump,
        @Bindable(defaultValue = "pg_restore") String pgRestore) {
}
