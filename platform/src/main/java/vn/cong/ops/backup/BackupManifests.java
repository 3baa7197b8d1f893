package vn.cong.ops.backup;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.cong.system.Folders;
import vn.cong.tenancy.Tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * A backup folder's {@code manifest.json}: written last (the SHA-256 of every file, what the dump
 * measured, the tenant's names, theme and settings), read back before a verification or restore, and
 * checked against the files, so an altered, missing or extra file is found before anything is restored.
 */
@Singleton
class BackupManifests {

    static final String DUMP = "schema.dump";
    static final String MANIFEST = "manifest.json";

    private final JsonMapper json;

    BackupManifests(JsonMapper json) {
        this.json = json;
    }

    /**
     * Writes the manifest of a finished folder and gives the folder's size in bytes. {@code known} holds the SHA-256 of
     * files computed as they were written (the media, checksummed while copied, by path relative to the folder): those
     * are not read again; every other file but the manifest is read and checksummed, telling {@code hashed} the bytes.
     * Blocking.
     */
    long write(Path folder, Tenant tenant, SchemaDump.Dumped dumped, OffsetDateTime createdAt, Map<String, String> known,
               LongConsumer hashed) throws IOException {
        BackupManifest manifest = new BackupManifest(tenant.code(), tenant.schema(), tenant.nameVi(), tenant.nameEn(),
                createdAt, platformVersion(), dumped.migrationVersion(), tenant.theme(), tenant.settings(),
                checksums(folder, known, hashed), dumped.measures().rowCounts(), dumped.measures().tableDigests(),
                dumped.digestColumns().stored(), dumped.format() == BackupFormat.COPY ? dumped.format().stored() : null,
                dumped.tables() == null ? null : dumped.tables().columns(), dumped.tables() == null ? null : dumped.tables().sequences());
        Files.write(folder.resolve(MANIFEST), json.writeValueAsBytes(manifest));
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** The manifest of a finished backup; a run that did not succeed has none to read. */
    BackupManifest read(BackupRun run) throws IOException {
        if (run.path() == null || !"succeeded".equals(run.status())) {
            throw new BackupFailure("Bản sao lưu " + run.id() + " không hoàn tất (" + run.status() + ")");
        }
        return json.readValue(Files.readAllBytes(run.folder().resolve(MANIFEST)), Argument.of(BackupManifest.class));
    }

    /** The manifest of a backup about to be restored, refused unless every file is as it was written. */
    BackupManifest readIntact(BackupRun run, LongConsumer hashed) {
        BackupManifest manifest;
        try {
            manifest = read(run);
        } catch (IOException e) {
            throw new BackupFailure("Không đọc được bản kê của bản sao lưu " + run.id(), e);
        }
        List<String> fileProblems = problems(run.folder(), manifest, hashed);
        if (!fileProblems.isEmpty()) {
            throw new BackupFailure("Bản sao lưu " + run.id() + " đã bị thay đổi: " + String.join("; ", fileProblems));
        }
        return manifest;
    }

    /** Every file missing, altered or added since the manifest was written. */
    List<String> problems(Path folder, BackupManifest manifest, LongConsumer hashed) {
        List<String> problems = new ArrayList<>();
        Map<String, String> actual = checksums(folder, Map.of(), hashed);
        manifest.files().forEach((file, sha) -> {
            String found = actual.get(file);
            if (found == null) {
                problems.add(file + ": thiếu tệp");
            } else if (!found.equals(sha)) {
                problems.add(file + ": tổng kiểm SHA-256 không khớp");
            }
        });
        actual.keySet().stream().filter(f -> !manifest.files().containsKey(f)).forEach(f -> problems.add(f + ": tệp lạ"));
        return problems;
    }

    /**
     * The SHA-256 of every file but the manifest: taken from {@code known} for a file checksummed as it was written,
     * else read, each file streamed through one buffer (media can be gigabytes).
     */
    private static Map<String, String> checksums(Path folder, Map<String, String> known, LongConsumer hashed) {
        Map<String, String> files = new TreeMap<>();
        byte[] buffer = new byte[1024 * 1024];
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(MANIFEST))
                    .forEach(p -> {
                        String file = relative(folder, p);
                        String sum = known.get(file);
                        files.put(file, sum != null ? sum : Folders.sha256(p, buffer, hashed));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    private static String platformVersion() {
        String v = BackupManifests.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
