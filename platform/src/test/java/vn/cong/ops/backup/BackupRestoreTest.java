package vn.cong.ops.backup;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.media.MediaFile;
import vn.cong.media.MediaStore;
import vn.cong.media.MediaType;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.DatabaseConfiguration;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.DataFolders;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backup, verification and both restores, end to end, in the default format ({@code copy}: the tenant's tables alone);
 * {@link PgDumpBackupRestoreTest} runs the same with pg_dump archives, the format of every backup taken before.
 */
@MicronautTest(transactional = false)
class BackupRestoreTest extends PlatformTestSupport {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Inject
    EmbeddedServer server;
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
    MediaStore media;
    @Inject
    DatabaseConfiguration db;
    @Inject
    BackupManifests manifests;

    private final DataFolders data = DataFolders.temporary("cong-backup-test");

    @Override
    protected Map<String, String> extraProperties() {
        return data.properties();
    }

    /** The file of a backup folder that holds the table rows (one of them, for this format). */
    protected String rowsFile() {
        return "tables/content_items.copy.gz";
    }

    /** What the manifest says of the format ({@code null}: pg_dump, as in every manifest before the copy format). */
    protected String manifestFormat() {
        return "copy";
    }

    private SchemaMeasures measures(Tenant t) {
        try (Connection c = db.openJdbc(db.name())) {
            return SchemaMeasures.of(c, t.schema());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long lastItemId(Tenant t) {
        return tenantDb.mono(t, c -> c.one("SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('content_items', 'id')), 0)",
                r -> r.get(0, Long.class))).block();
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

    private List<String> titles(Tenant t) {
        return tenantDb.flux(t, c -> c.query("SELECT slug || ':' || title || ':' || md5(body_html) FROM content_items ORDER BY id",
                r -> r.get(0, String.class))).collectList().block();
    }

    @Test
    void backupVerifiesAndRestoresIntoANewTenantWithIdenticalContent() throws IOException {
        MediaFile cover = media.store(tenant("alpha"), "bia.png", PNG, Set.of(MediaType.PNG), null).block();
        BackupRun run = backups.backup(tenant("alpha"), "manual").block();
        assertEquals("succeeded", run.status(), run.error());
        assertTrue(Files.exists(run.folder().resolve(rowsFile())), rowsFile());
        assertTrue(Files.exists(run.folder().resolve("manifest.json")));
        assertEquals(manifestFormat(), manifests.read(run).format());

        BackupRun verified = verification.verify(tenant("alpha"), run.id()).block();
        assertEquals("passed", verified.verificationStatus(), verified.verificationDetail());

        Tenant copy = restore.restoreAsNewTenant(run.id(), tenant("alpha"), "alpha_copy", "alphacopy", "Bản sao Cục Alpha", "Alpha copy").block();
        assertEquals(titles(tenant("alpha")), titles(copy));
        assertFalse(titles(copy).toString().contains("Viện Beta"), "another tenant's rows never travel in a backup");
        assertEquals(measures(tenant("alpha")), measures(copy), "every table, row for row (migration history included)");
        assertEquals(lastItemId(tenant("alpha")), lastItemId(copy), "the sequences go on where the backup's were");

        var page = new Browser(server.getPort(), "alphacopy.most.localhost").get("/");
        assertEquals(200, page.statusCode());
        var restoredCover = new Browser(server.getPort(), "alphacopy.most.localhost").getBytes(cover.url(), Map.of());
        assertEquals(200, restoredCover.statusCode());
        assertArrayEquals(PNG, restoredCover.body());
    }

    @Test
    void backupFileAlteredOnDiskFailsVerification() throws IOException {
        BackupRun run = backups.backup(tenant("beta"), "manual").block();
        assertEquals("succeeded", run.status(), run.error());
        Files.write(run.folder().resolve(rowsFile()), new byte[]{1, 2, 3}, StandardOpenOption.APPEND);

        BackupRun verified = verification.verify(tenant("beta"), run.id()).block();
        assertEquals("failed", verified.verificationStatus());
        assertTrue(verified.verificationDetail().contains(rowsFile()), verified.verificationDetail());
    }

    @Test
    void restoreInPlaceBringsBackDeletedContentAfterTakingAFreshBackup() {
        Tenant beta = tenant("beta");
        List<String> before = titles(beta);
        BackupRun run = backups.backup(beta, "manual").block();
        tenantDb.mono(beta, c -> c.update("UPDATE content_items SET title = 'Bị sửa nhầm'")).block();
        assertTrue(titles(beta).get(0).contains("Bị sửa nhầm"));

        SchemaMeasures backedUp = new SchemaMeasures(manifestOf(run).rowCounts(), manifestOf(run).tableDigests());
        BackupRun safety = restore.restoreInPlace(run.id(), beta).block().safety();
        assertEquals("succeeded", safety.status());
        assertEquals(before, titles(tenant("beta")));
        assertEquals(List.of(), backedUp.differencesFrom(measures(tenant("beta"))), "the schema holds exactly what was backed up");
        assertEquals(titles(tenant("alpha")).size(), titles(tenant("alpha")).size());
    }

    private BackupManifest manifestOf(BackupRun run) {
        try {
            return manifests.read(run);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
