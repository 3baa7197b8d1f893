package vn.cong.ops.backup;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.DataFolders;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shortcuts that make a large tenant's backup and restore faster keep their guarantees: media checksummed while
 * copied, digests of the columns a dump holds, media already identical kept on an in-place restore.
 */
@MicronautTest(transactional = false)
class BackupChecksumsTest extends PlatformTestSupport {

    /** Larger than the 1 MiB buffer a checksummed copy goes through. */
    private static final int LARGE = 3 * 1024 * 1024 + 17;

    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantDatabase tenantDb;
    @Inject
    TenantBackups backups;
    @Inject
    BackupVerification verification;
    @Inject
    TenantRestore restore;
    @Inject
    BackupManifests manifests;
    @Inject
    DatabaseConfiguration db;
    @Inject
    JsonMapper json;

    private final DataFolders data = DataFolders.temporary("cong-backup-checksums-test");

    @Override
    protected Map<String, String> extraProperties() {
        return data.properties();
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private Path mediaOf(String code) {
        return data.root().resolve("media").resolve(code);
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private void writeMedia(String code, String file, byte[] bytes) throws IOException {
        Path p = mediaOf(code).resolve(file);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    @Test
    void checksumsTakenWhileCopyingEqualAFreshReadOfEveryFileOfTheBackup() throws Exception {
        writeMedia("alpha", "2026/lon.bin", random(LARGE, 1));
        writeMedia("alpha", "2026/nho.txt", "ảnh nhỏ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        writeMedia("alpha", "2025/rong.bin", new byte[0]);
        BackupRun run = backups.backup(tenant("alpha"), "manual").block();
        assertEquals("succeeded", run.status(), run.error());

        BackupManifest manifest = manifests.read(run);
        Map<String, String> fresh = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(run.folder())) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = run.folder().relativize(p).toString().replace('\\', '/');
                if (!name.equals(BackupManifests.MANIFEST)) {
                    fresh.put(name, sha256(p));
                }
            }
        }
        assertTrue(fresh.keySet().containsAll(java.util.List.of("tables/content_items.copy.gz", "media/2026/lon.bin", "media/2026/nho.txt", "media/2025/rong.bin")),
                fresh.keySet().toString());
        assertEquals(fresh, manifest.files(), "every file of the backup, media included, with the SHA-256 a fresh read gives");
        assertEquals(sha256(mediaOf("alpha").resolve("2026/lon.bin")), manifest.files().get("media/2026/lon.bin"));
    }

    @Test
    void aCorruptedMediaByteInTheBackupIsCaughtByVerificationAndRefusedByARestore() throws Exception {
        writeMedia("beta", "2026/hinh.bin", random(LARGE, 2));
        BackupRun run = backups.backup(tenant("beta"), "manual").block();
        assertEquals("passed", verification.verify(tenant("beta"), run.id()).block().verificationStatus());

        Path copy = run.folder().resolve("media/2026/hinh.bin");
        byte[] bytes = Files.readAllBytes(copy);
        bytes[LARGE / 2] ^= 0x01;
        Files.write(copy, bytes);

        BackupRun verified = verification.verify(tenant("beta"), run.id()).block();
        assertEquals("failed", verified.verificationStatus());
        assertTrue(verified.verificationDetail().contains("media/2026/hinh.bin: tổng kiểm SHA-256 không khớp"), verified.verificationDetail());
        Throwable refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> restore.restoreInPlace(run.id(), tenant("beta")).block());
        assertTrue(refused.getMessage().contains("đã bị thay đổi"), refused.getMessage());
    }

    @Test
    void digestsLeaveOutTheGeneratedSearchColumnsAndAnOlderManifestDigestingEveryColumnStillVerifies() throws Exception {
        Tenant alpha = tenant("alpha");
        BackupRun run = backups.backup(alpha, "manual").block();
        BackupManifest manifest = manifests.read(run);
        assertEquals("dumped", manifest.digestColumns());

        SchemaMeasures every;
        SchemaMeasures dumped;
        try (Connection c = db.openJdbc(db.name())) {
            every = SchemaMeasures.of(c, alpha.schema(), SchemaMeasures.Columns.EVERY);
            dumped = SchemaMeasures.of(c, alpha.schema(), SchemaMeasures.Columns.DUMPED);
        }
        assertTrue(manifest.rowCounts().get("content_items") > 0, "the demo tenant has items");
        assertEquals(dumped.tableDigests(), manifest.tableDigests());
        assertNotEquals(every.tableDigests().get("content_items"), dumped.tableDigests().get("content_items"),
                "content_items' digest leaves out search_vector and search_words");
        assertEquals(every.tableDigests().get("sections"), dumped.tableDigests().get("sections"), "a table without generated columns digests the same");

        // a manifest written before digestColumns existed: every column digested, the field absent
        BackupManifest older = new BackupManifest(manifest.tenantCode(), manifest.schema(), manifest.nameVi(), manifest.nameEn(),
                manifest.createdAt(), manifest.platformVersion(), manifest.migrationVersion(), manifest.theme(), manifest.settings(),
                manifest.files(), manifest.rowCounts(), every.tableDigests(), null, manifest.format(), manifest.tableColumns(), manifest.sequences());
        String text = new String(json.writeValueAsBytes(older), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(text.contains("digestColumns\":\""), text);
        Files.writeString(run.folder().resolve(BackupManifests.MANIFEST), text.replace(",\"digestColumns\":null", ""));
        BackupRun verified = verification.verify(alpha, run.id()).block();
        assertEquals("passed", verified.verificationStatus(), verified.verificationDetail());

        // and a change to a dumped column is still found
        tenantDb.mono(alpha, c -> c.update("UPDATE content_items SET title = title || ' (sửa)' WHERE id = (SELECT min(id) FROM content_items)")).block();
        try (Connection c = db.openJdbc(db.name())) {
            assertNotEquals(dumped.tableDigests().get("content_items"),
                    SchemaMeasures.of(c, alpha.schema()).tableDigests().get("content_items"));
        }
    }

    @Test
    void anInPlaceRestoreKeepsMediaWhoseBytesMatchAndReplacesRemovesOrBringsBackTheRest() throws Exception {
        Tenant beta = tenant("beta");
        byte[] kept = random(LARGE, 3);
        byte[] altered = random(4096, 4);
        byte[] deleted = random(2048, 5);
        writeMedia("beta", "2026/giu.bin", kept);
        writeMedia("beta", "2026/sua.bin", altered);
        writeMedia("beta", "2026/xoa.bin", deleted);
        BackupRun run = backups.backup(beta, "manual").block();
        assertEquals("succeeded", run.status(), run.error());

        FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Files.setLastModifiedTime(mediaOf("beta").resolve("2026/giu.bin"), old);
        byte[] same = altered.clone();
        same[100] ^= 0x40;
        writeMedia("beta", "2026/sua.bin", same);
        Files.delete(mediaOf("beta").resolve("2026/xoa.bin"));
        writeMedia("beta", "2027/la.bin", random(100, 6));

        restore.restoreInPlace(run.id(), beta).block();

        Path media = mediaOf("beta");
        assertEquals(old, Files.getLastModifiedTime(media.resolve("2026/giu.bin")), "a file whose bytes match is kept, not written again");
        assertArrayEquals(kept, Files.readAllBytes(media.resolve("2026/giu.bin")));
        assertArrayEquals(altered, Files.readAllBytes(media.resolve("2026/sua.bin")), "same size, one byte changed: copied back");
        assertArrayEquals(deleted, Files.readAllBytes(media.resolve("2026/xoa.bin")));
        assertFalse(Files.exists(media.resolve("2027")), "what the backup lacks is removed, folders too");
    }
}
