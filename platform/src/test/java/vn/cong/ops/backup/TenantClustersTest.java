package vn.cong.ops.backup;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.cong.content.Draft;
import vn.cong.content.Publishing;
import vn.cong.content.SavedItem;
import vn.cong.media.MediaStore;
import vn.cong.media.MediaType;
import vn.cong.onboarding.Onboarding;
import vn.cong.onboarding.OnboardingReport;
import vn.cong.ops.OperatorActor;
import vn.cong.ops.integrity.IntegrityCheck;
import vn.cong.ops.integrity.IntegrityRun;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantDatabase;
import vn.cong.tenancy.TenantMovingException;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.tenancy.manifest.ManifestReader;
import vn.cong.testing.Browser;
import vn.cong.testing.DataFolders;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;

/**
 * Tenants over two PostgreSQL clusters (issue 15.4): the test's platform database on 5432 and a database of the
 * same name on the second cluster (5433, made by {@code .ci/run}). Skipped, with a message, when 5433 does not answer.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantClustersTest extends PlatformTestSupport {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final OperatorActor OPERATOR = new OperatorActor("kiem-thu", "127.0.0.1", OperatorActor.Channel.API);
    private static final String OPERATOR_PASSWORD = "VanHanhKiemThu2026!";
    private static final Map<String, String> BASIC = Map.of("Authorization", "Basic "
            + java.util.Base64.getEncoder().encodeToString(("vanhanh:" + OPERATOR_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantDatabase tenantDb;
    @Inject
    TenantMoves moves;
    @Inject
    TenantBackups backups;
    @Inject
    TenantRestore restore;
    @Inject
    IntegrityCheck integrity;
    @Inject
    Publishing publishing;
    @Inject
    MediaStore media;

    private final DataFolders data = DataFolders.temporary("cong-clusters-test");

    @Override
    protected Map<String, String> extraProperties() {
        return data.properties("cong.clusters.declared.second", "postgres@127.0.0.1:5433/" + databaseName,
                "cong.clusters.old-copy-grace", "0s",
                "cong.operator.username", "vanhanh", "cong.operator.password-hash", new vn.cong.accounts.PasswordHasher().hash(OPERATOR_PASSWORD));
    }

    private static boolean secondClusterAnswers() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5433/postgres?connectTimeout=3", "postgres", "")) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    @BeforeAll
    void onboardTenants() {
        assumeTrue(secondClusterAnswers(), "PostgreSQL on 127.0.0.1:5433 does not answer: .ci/run creates it (pg_createcluster … second -p 5433)");
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        String gamma = TestTenants.read("manifests/beta.yaml").replace("code: beta", "code: gamma")
                .replace("abbreviation: beta", "abbreviation: gamma").replace("Viện Beta", "Viện Gamma").replace("Beta Institute", "Gamma Institute")
                .replace("MatKhauBeta2026!", "MatKhauGamma2026!").replace("beta.example.vn", "gamma.example.vn");
        OnboardingReport report = onboarding.onboard(ManifestReader.parse(gamma), "second").block();
        assertTrue(report.isValid() && "ok".equals(report.migrationStatus()), String.valueOf(report));
    }

    @AfterAll
    void dropSecondDatabase() {
        if (!secondClusterAnswers()) {
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5433/postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + databaseName + "\" WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop " + databaseName + " on 5433: " + e.getMessage());
        }
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private Connection second() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5433/" + databaseName, "postgres", "");
    }

    private static boolean schemaIn(Connection c, String schema) throws SQLException {
        try (var s = c.prepareStatement("SELECT to_regnamespace(?) IS NOT NULL")) {
            s.setString(1, schema);
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Every table of the schema: row count and an order-independent digest of its rows. */
    private static Map<String, String> digests(Connection c, String schema) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (var s = c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY 1")) {
            s.setString(1, schema);
            ResultSet rs = s.executeQuery();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM "
                    + schema + "." + table + " t")) {
                rs.next();
                out.put(table, rs.getString(1));
            }
        }
        return out;
    }

    private Browser staff(String host, String user, String password) {
        Browser b = new Browser(server.getPort(), host);
        logInOk(b, user, password);
        return b;
    }

    private long sectionId(Tenant t) {
        return tenantDb.mono(t, c -> c.one("SELECT id FROM sections WHERE slug = 'tin-hoat-dong'", r -> r.get(0, Long.class))).block();
    }

    private HttpResponse<String> postDraft(Browser b, Tenant t, String title) {
        HttpResponse<String> form = b.get("/quan-tri/bai-viet/moi");
        assertEquals(200, form.statusCode(), form.body());
        Map<String, String> fields = new HashMap<>();
        fields.put("csrfToken", csrfToken(form));
        fields.put("title", title);
        fields.put("slug", "");
        fields.put("sectionId", String.valueOf(sectionId(t)));
        fields.put("language", "vi");
        fields.put("summary", "Tóm tắt bài viết.");
        fields.put("body", "<p>Nội dung viết trong lúc kiểm thử.</p>");
        fields.put("version", "0");
        return b.postForm("/quan-tri/bai-viet", fields);
    }

    private long itemsTitled(Tenant t, String title) {
        return tenantDb.mono(t, c -> c.one("SELECT count(*) FROM content_items WHERE title = $1", r -> r.get(0, Long.class), title)).block();
    }

    private static void await(BooleanSupplier done, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!done.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting for " + what);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    @Test
    @Order(1)
    void aTenantCreatedOnTheSecondClusterServesItsPagesAndStaffAreaFromThere() throws SQLException {
        Tenant gamma = tenant("gamma");
        assertEquals("second", gamma.database());
        try (Connection c = second(); Connection home = jdbc()) {
            assertTrue(schemaIn(c, "t_gamma"));
            assertFalse(schemaIn(home, "t_gamma"), "nothing of gamma's on the platform's own database");
            assertFalse(schemaIn(c, "t_alpha") || schemaIn(c, "t_beta"), "no other tenant's schema on the second cluster");
        }
        HttpResponse<String> home = new Browser(server.getPort(), "gamma.most.localhost").get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Viện Gamma"), home.body());

        Browser b = staff("gamma.most.localhost", "quantri", "MatKhauGamma2026!");
        assertEquals(200, b.get("/quan-tri").statusCode());
        HttpResponse<String> created = postDraft(b, gamma, "Bài viết lưu trên cụm thứ hai");
        assertEquals(303, created.statusCode(), created.body());
        try (Connection c = second(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM t_gamma.content_items WHERE title = 'Bài viết lưu trên cụm thứ hai'")) {
            rs.next();
            assertEquals(1, rs.getLong(1), "the staff member's draft is in gamma's schema on the second cluster");
        }
        // a transaction of gamma reaches its own schema only: the other tenants' schemas are on another cluster entirely
        assertEquals(0L, tenantDb.mono(gamma, c -> c.one("SELECT count(*) FROM pg_namespace WHERE nspname IN ('t_alpha', 't_beta')",
                r -> r.get(0, Long.class))).block());
        // and the platform's rows it reads through the link are the platform's own (content version, settings)
        assertEquals(gamma.contentVersion(), tenantDb.mono(gamma, c -> c.one("SELECT content_version FROM platform.tenants WHERE code = 'gamma'",
                r -> r.get(0, Long.class))).block());
    }

    @Test
    @Order(2)
    void movingATenantKeepsEveryRowRefusesWritesMeanwhileAndLeavesTheOthersAlone() throws Exception {
        Tenant alpha = tenant("alpha");
        media.store(alpha, "bia.png", PNG, Set.of(MediaType.PNG), null).block();
        long section = sectionId(alpha);
        SavedItem draft = publishing.saveDraft(alpha, Draft.article(section, "vi", "truoc-khi-chuyen", "Tin trước khi chuyển", "Tóm tắt.",
                "<p>Nội dung.</p>", null)).block();
        publishing.publish(alpha, draft.id(), null).block();
        Browser alphaStaff = staff("alpha.most.localhost", "quantri", "MatKhauAlpha2026!");
        Browser betaStaff = staff("beta.most.localhost", "quantri", "MatKhauBeta2026!");
        Map<String, String> betaBefore;

        try (Connection inFlight = jdbc()) {
            // a write already running when the move starts: the move waits for it, and it is kept
            inFlight.setAutoCommit(false);
            try (var s = inFlight.createStatement()) {
                s.executeUpdate("UPDATE t_alpha.sections SET name_en = name_en || ' (in flight)' WHERE slug = 'tin-hoat-dong'");
            }
            TenantMoves.Move started = moves.start(alpha, "second", OPERATOR).block();
            CompletableFuture<TenantMoves.Move> finished = moves.run(started, OPERATOR).toFuture();
            await(() -> tenant("alpha").moving() && "copying".equals(moves.find(started.id()).block().phase()), "the move to freeze alpha");

            HttpResponse<String> refused = postDraft(alphaStaff, alpha, "Viết trong lúc chuyển");
            assertEquals(503, refused.statusCode());
            assertEquals("30", refused.headers().firstValue("Retry-After").orElse(""));
            assertTrue(refused.body().contains("đang được chuyển sang máy chủ cơ sở dữ liệu khác"), refused.body());
            // a write that does not come through the web (a job, a node that has not heard of the move) is refused by the database
            Throwable jobWrite = assertThrows(RuntimeException.class, () -> tenantDb.mono(tenant("alpha"),
                    c -> c.update("UPDATE content_items SET title = 'Sửa bởi tác vụ nền' WHERE slug = 'truoc-khi-chuyen'")).block());
            assertInstanceOf(TenantMovingException.class, jobWrite, jobWrite.toString());
            assertEquals(200, new Browser(server.getPort(), "alpha.most.localhost").get("/").statusCode(), "public reads go on");
            assertEquals(200, new Browser(server.getPort(), "beta.most.localhost").get("/").statusCode());
            HttpResponse<String> betaWrite = postDraft(betaStaff, tenant("beta"), "Beta viết trong lúc Alpha chuyển");
            assertEquals(303, betaWrite.statusCode(), "another tenant keeps writing: " + betaWrite.body());
            try (Connection home = jdbc()) {
                betaBefore = digests(home, "t_beta"); // what the rest of alpha's move must leave as it is
            }

            inFlight.commit();
            TenantMoves.Move done = finished.get(120, TimeUnit.SECONDS);
            assertEquals("done", done.status(), done.error());
            System.out.println("Move of alpha (held by an in-flight write): writes refused for " + done.readOnlyMs() + " ms, "
                    + done.rowsCopied() + " rows");
        }

        Tenant moved = tenant("alpha");
        assertEquals("second", moved.database());
        assertFalse(moved.moving());
        try (Connection c = second(); Connection home = jdbc()) {
            assertTrue(schemaIn(c, "t_alpha"));
            assertFalse(schemaIn(home, "t_alpha"), "the old copy is renamed away on the first cluster");
            Map<String, String> betaAfter = digests(home, "t_beta");
            assertEquals(betaBefore, betaAfter, "beta's schema untouched by alpha's move");
            assertFalse(schemaIn(c, "t_beta"), "moving alpha never copies beta");
        }
        assertEquals(0, itemsTitled(moved, "Viết trong lúc chuyển"), "the refused write left nothing");
        assertEquals(1, itemsTitled(moved, "Tin trước khi chuyển"));
        assertEquals("Activities (in flight)", tenantDb.mono(moved, c -> c.one("SELECT name_en FROM sections WHERE slug = 'tin-hoat-dong'",
                r -> r.get(0, String.class))).block(), "the write in flight at the freeze was kept");
        assertEquals(1L, tenantDb.mono(moved, c -> c.one("SELECT count(*) FROM media_files", r -> r.get(0, Long.class))).block());
        assertTrue(tenantDb.mono(moved, c -> c.one("SELECT count(*) FROM accounts", r -> r.get(0, Long.class))).block() >= 1);

        // the event log's hash chain verifies on the new cluster, and the integrity check reads it there
        IntegrityRun check = integrity.run(IntegrityCheck.Trigger.OPERATOR, "alpha", "kiem-thu").block();
        assertEquals("clean", check.status(), String.valueOf(check.findings()));

        // writes are back, on the new cluster
        HttpResponse<String> after = postDraft(alphaStaff, moved, "Viết sau khi chuyển");
        assertEquals(303, after.statusCode(), after.body());
        try (Connection c = second(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM t_alpha.content_items WHERE title = 'Viết sau khi chuyển'")) {
            rs.next();
            assertEquals(1, rs.getLong(1));
        }
    }

    @Test
    @Order(3)
    void backupAndRestoreAfterTheMoveUseTheNewCluster() throws SQLException {
        Tenant alpha = tenant("alpha");
        assertEquals("second", alpha.database());
        BackupRun run = backups.backup(alpha, "manual").block();
        assertEquals("succeeded", run.status(), run.error());
        tenantDb.mono(alpha, c -> c.update("UPDATE content_items SET title = 'Bị sửa nhầm' WHERE slug = 'truoc-khi-chuyen'")).block();
        assertEquals("succeeded", restore.restoreInPlace(run.id(), alpha).block().safety().status());
        assertEquals(1, itemsTitled(tenant("alpha"), "Tin trước khi chuyển"), "restored from the backup, on the second cluster");
        try (Connection home = jdbc()) {
            assertFalse(schemaIn(home, "t_alpha"), "the restore never recreated alpha on the cluster it left");
        }
    }

    @Test
    @Order(4)
    void aTenantMovesBackThroughTheOperatorApiAndAMoveToWhereItIsOrToAnUnknownClusterIsRefused() throws SQLException {
        assertThrows(IllegalArgumentException.class, () -> moves.start(tenant("alpha"), "second", OPERATOR).block());
        assertThrows(IllegalArgumentException.class, () -> moves.start(tenant("alpha"), "khong_co", OPERATOR).block());

        List<String> titles = tenantDb.flux(tenant("alpha"), c -> c.query("SELECT title FROM content_items ORDER BY id", r -> r.get(0, String.class)))
                .collectList().block();
        Browser api = new Browser(server.getPort(), "admin.most.localhost");
        HttpResponse<String> listed = api.get("/api/v1/clusters", BASIC);
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains("\"name\":\"second\"") && listed.body().contains("127.0.0.1:5433/" + databaseName), listed.body());
        HttpResponse<String> unknown = api.postJson("/api/v1/tenants/alpha/move", "{\"cluster\":\"khong_co\"}", BASIC);
        assertEquals(409, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("Không có cụm cơ sở dữ liệu «khong_co»"), unknown.body());
        assertEquals(404, new Browser(server.getPort(), "alpha.most.localhost").postJson("/api/v1/tenants/alpha/move", "{\"cluster\":\"default\"}", BASIC)
                .statusCode(), "the operator API exists only on the operator host");

        HttpResponse<String> accepted = api.postJson("/api/v1/tenants/alpha/move", "{\"cluster\":\"default\"}", BASIC);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        await(() -> !api.get(location, BASIC).body().contains("\"status\":\"running\""), "the move back to finish");
        HttpResponse<String> back = api.get(location, BASIC);
        assertTrue(back.body().contains("\"status\":\"done\""), back.body());
        System.out.println("Move of alpha back to the platform's database (operator API): " + back.body());
        assertEquals("default", tenant("alpha").database());
        assertEquals(titles, tenantDb.flux(tenant("alpha"), c -> c.query("SELECT title FROM content_items ORDER BY id", r -> r.get(0, String.class)))
                .collectList().block());
        try (Connection c = second()) {
            assertFalse(schemaIn(c, "t_alpha"));
        }
        assertEquals(200, new Browser(server.getPort(), "alpha.most.localhost").get("/").statusCode());
    }

    @Test
    @Order(5)
    void aSchemaThatSkippedAMigrationBelowItsNewestIsNotMovedAndStaysWhereItWas() throws Exception {
        long before;
        try (Connection c = jdbc(); var s = c.createStatement()) {
            // as if a migration merged late were still pending: the migrations would build a schema that is not this one
            s.executeUpdate("DELETE FROM t_beta.flyway_schema_history WHERE installed_rank = (SELECT installed_rank"
                    + " FROM t_beta.flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank OFFSET 10 LIMIT 1)");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t_beta.content_items")) {
                rs.next();
                before = rs.getLong(1);
            }
        }
        TenantMoves.Move started = moves.start(tenant("beta"), "second", OPERATOR).block();
        TenantMoves.Move failed = moves.run(started, OPERATOR).block(Duration.ofSeconds(120));
        assertEquals("failed", failed.status());
        assertTrue(failed.error().contains("còn thiếu một bước nâng cấp"), failed.error());

        Tenant beta = tenant("beta");
        assertEquals("default", beta.database(), "the registry still points at the first cluster");
        assertFalse(beta.moving(), "writes are allowed again");
        try (Connection c = second(); Connection home = jdbc()) {
            assertFalse(schemaIn(c, "t_beta"), "nothing is left half-built on the second cluster");
            assertTrue(schemaIn(home, "t_beta"));
        }
        assertEquals(200, new Browser(server.getPort(), "beta.most.localhost").get("/").statusCode());
        HttpResponse<String> write = postDraft(staff("beta.most.localhost", "quantri", "MatKhauBeta2026!"), beta, "Beta viết sau lần chuyển bị từ chối");
        assertEquals(303, write.statusCode(), write.body());
        try (Connection c = jdbc(); var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t_beta.content_items")) {
            rs.next();
            assertEquals(before + 1, rs.getLong(1));
        }
    }
}
