package vn.cong.tenancy;

import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versioned migrations in one class-path folder, by their file names ({@code V<version>__<description>.sql},
 * Flyway's naming; {@code _} in a version means {@code .}), from a folder in development or from the jar.
 */
final class MigrationFiles {

    private static final Pattern VERSIONED = Pattern.compile("^V([0-9][0-9._]*)__.+\\.sql$");

    private final String folder;

    MigrationFiles(String folder) {
        this.folder = folder;
    }

    /**
     * The newest version in the folder. A folder without one is refused rather than read as "nothing newer": every
     * schema would then count as current and start-up would skip migrations it needs.
     */
    MigrationVersion newest() {
        return versions().stream().max(MigrationVersion::compareTo)
                .orElseThrow(() -> new IllegalStateException("No versioned migration (V<version>__<name>.sql) in " + folder));
    }

    /** How many versioned migrations the folder holds: a schema that applied fewer missed one, whatever its newest. */
    int count() {
        return versions().size();
    }

    /** How many versioned migrations of the folder are at or below {@code version}. */
    int countUpTo(MigrationVersion version) {
        return (int) versions().stream().filter(v -> v.compareTo(version) <= 0).count();
    }

    private java.util.List<MigrationVersion> versions() {
        var url = MigrationFiles.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalStateException("No migrations on the class path at " + folder);
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return versionsIn(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return versionsIn(jar.getPath(folder));
            } catch (FileSystemAlreadyExistsException e) {
                return versionsIn(FileSystems.getFileSystem(uri).getPath(folder));
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unreadable class-path location " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list migrations in " + url, e);
        }
    }

    private static java.util.List<MigrationVersion> versionsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> VERSIONED.matcher(f.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .map(m -> MigrationVersion.fromVersion(m.group(1)))
                    .toList();
        }
    }
}
