package vn.cong.ops.backup;

import jakarta.inject.Singleton;
import vn.cong.system.Folders;
import vn.cong.tenancy.Tenant;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The blocking steps of backups, verifications and restores that take long on a large tenant, each shown on
 * {@link BackupProgress} as it runs: bytes dumped, media bytes copied, bytes checksummed (pg_restore and Flyway show
 * their label alone). Blocking: call on the {@code backups} executor.
 */
@Singleton
class MeteredSteps {

    private final BackupProgress progress;
    private final SchemaDump dump;
    private final BackupManifests manifests;

    MeteredSteps(BackupProgress progress, SchemaDump dump, BackupManifests manifests) {
        this.progress = progress;
        this.dump = dump;
        this.manifests = manifests;
    }

    /** The tenant's schema into the folder ({@code tables/} or pg_dump's {@code schema.dump}), showing the bytes written so far. */
    SchemaDump.Dumped dump(Tenant tenant, Path folder) throws SQLException, java.io.IOException {
        Path tables = folder.resolve(SchemaTables.FOLDER);
        Path file = folder.resolve(BackupManifests.DUMP);
        try (var meter = progress.measure(tenant.code(), BackupPhase.DUMPING.label(), () -> Folders.size(tables) + Folders.size(file))) {
            return dump.dump(tenant, folder);
        }
    }

    /**
     * Makes {@code to} hold exactly the media of a checked backup: files already there with the size and SHA-256 the
     * manifest records are kept, the others copied and checked against the manifest as they are written, files the
     * backup lacks removed (streamed, file by file), showing bytes done out of the media's size. Gives the bytes written.
     */
    long restoreMedia(String tenantCode, Path backupFolder, BackupManifest manifest, Path to) {
        Map<String, String> expected = new TreeMap<>();
        manifest.files().forEach((file, sha) -> {
            if (file.startsWith(MEDIA + "/")) {
                expected.put(file.substring(MEDIA.length() + 1), sha);
            }
        });
        Path from = backupFolder.resolve(MEDIA);
        try (var meter = progress.start(tenantCode, BackupPhase.MEDIA.label(), Folders.size(from))) {
            return Folders.mirrorTree(from, to, expected, meter::add);
        }
    }

    /**
     * Copies the tenant's media into a backup folder's {@code media/}, checksumming each file from the bytes written
     * (one read), showing bytes copied; gives each file's SHA-256 by its path in the backup folder ({@code media/…}).
     */
    Map<String, String> backUpMedia(String tenantCode, Path from, Path folder) {
        try (var meter = progress.start(tenantCode, BackupPhase.MEDIA.label(), Folders.size(from))) {
            Map<String, String> sums = new TreeMap<>();
            Folders.copyTreeWithChecksums(from, folder.resolve(MEDIA), meter::add).forEach((file, sha) -> sums.put(MEDIA + "/" + file, sha));
            return sums;
        }
    }

    /**
     * Writes the manifest, showing the bytes checksummed out of the bytes not checksummed yet (the dump: the media's
     * {@code known} sums were taken as they were copied); gives the folder's size.
     */
    long writeManifest(Path folder, Tenant tenant, SchemaDump.Dumped dumped, OffsetDateTime at, Map<String, String> known) throws IOException {
        long knownBytes = known.keySet().stream().mapToLong(f -> folder.resolve(f).toFile().length()).sum();
        try (var meter = progress.start(tenant.code(), BackupPhase.MANIFEST.label(), Folders.size(folder) - knownBytes)) {
            return manifests.write(folder, tenant, dumped, at, known, meter::add);
        }
    }

    /** Every file of a backup missing, altered or added since its manifest, showing the bytes checksummed. */
    List<String> fileProblems(BackupRun run, BackupManifest manifest) {
        try (var meter = progress.start(run.tenantCode(), CHECKING, checksummed(run.folder()))) {
            return manifests.problems(run.folder(), manifest, meter::add);
        }
    }

    /** The manifest of a backup about to be restored, refused unless its files are intact (checksummed, shown). */
    BackupManifest readIntact(BackupRun run) {
        try (var meter = progress.start(run.tenantCode(), CHECKING, checksummed(run.folder()))) {
            return manifests.readIntact(run, meter::add);
        }
    }

    /** The bytes a check reads: every file of the folder but the manifest. */
    private static long checksummed(Path folder) {
        return Folders.size(folder) - folder.resolve(BackupManifests.MANIFEST).toFile().length();
    }

    /** A step whose size is not known in advance (pg_restore, Flyway): shown by its label while it runs. */
    <T> T step(String tenantCode, String label, Callable<T> work) throws Exception {
        try (var meter = progress.measure(tenantCode, label, () -> 0)) {
            return work.call();
        }
    }

    /** A backup folder's media, beside the dump. */
    static final String MEDIA = "media";

    static final String CHECKING = "đang kiểm tổng kiểm SHA-256 của các tệp";
}
