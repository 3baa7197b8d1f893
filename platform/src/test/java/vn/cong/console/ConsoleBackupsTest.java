package vn.cong.console;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.admin.StaffForms;
import vn.cong.onboarding.Onboarding;
import vn.cong.ops.backup.BackupPhase;
import vn.cong.ops.backup.BackupProgress;
import vn.cong.ops.backup.BackupRun;
import vn.cong.ops.backup.TenantBackups;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.DataFolders;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ConsoleBackupsTest extends PlatformTestSupport {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantBackups backups;
    @Inject
    TenantRegistry registry;
    @Inject
    BackupProgress progress;

    private final DataFolders data = DataFolders.temporary("cong-console-backup-test");

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = data.properties();
        p.putAll(OperatorConsole.operatorProperties());
        return p;
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    @Test
    void aTenantsBackupPageShowsTheBytesOfItsOwnStepAndFollowsItEverySecond() {
        Browser browser = OperatorConsole.loggedIn(server.getPort());
        try (BackupProgress.Meter meter = progress.start("beta", BackupPhase.MEDIA.label(), 4096)) {
            meter.add(1024);
            Document beta = OperatorConsole.html(browser.get("/van-hanh/sao-luu/beta"));
            Element shown = beta.getElementById("tien-do-sao-luu");
            assertNotNull(shown, "the step under way is shown");
            assertTrue(shown.text().contains(BackupPhase.MEDIA.label() + ": 1 KB / 4 KB (25 %)"), shown.text());
            assertEquals("25", shown.selectFirst("progress").attr("value"));
            assertEquals("1", beta.selectFirst("meta[http-equiv=refresh]").attr("content"));

            Document alpha = OperatorConsole.html(browser.get("/van-hanh/sao-luu/alpha"));
            assertFalse(alpha.text().contains("1 KB / 4 KB"), "another tenant's step never shows on this tenant's page");
        }
        Document after = OperatorConsole.html(browser.get("/van-hanh/sao-luu/beta"));
        assertNull(after.getElementById("tien-do-sao-luu"), "nothing shows once the step ends");
    }

    @Test
    void backUpNowRunsInTheBackgroundAndShowsAsVerifiedInTheHistory() throws SQLException {
        Browser browser = OperatorConsole.loggedIn(server.getPort());
        HttpResponse<String> page = browser.get("/van-hanh/sao-luu/alpha");
        assertEquals(200, page.statusCode(), page.body());
        assertNotNull(OperatorConsole.html(page).selectFirst("#pg-dump.alert-success"), "the pg_dump check is shown");

        HttpResponse<String> started = browser.postForm("/van-hanh/sao-luu/alpha", Map.of("csrfToken", StaffForms.csrfToken(page)));
        assertEquals(303, started.statusCode(), started.body());
        String anchor = started.headers().firstValue("Location").orElseThrow().replaceAll(".*#", "");

        HttpResponse<String> done = OperatorConsole.pollPage(browser, "/van-hanh/sao-luu/alpha", DEADLINE, html -> {
            Element row = html.getElementById(anchor);
            return row != null && "passed".equals(row.attr("data-verification"));
        });
        Element row = OperatorConsole.html(done).getElementById(anchor);
        assertEquals("succeeded", row.attr("data-status"));
        assertTrue(row.text().contains("thủ công") && row.text().contains(OperatorConsole.USERNAME), row.text());
        assertTrue(row.text().contains("KiB") || row.text().contains("MiB"), "the size is shown: " + row.text());
        try (var c = jdbc(); var rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM platform.operator_audit WHERE action = 'ops.backup.start' AND tenant_code = 'alpha' AND channel = 'console'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the console action is in the audit log");
        }
    }

    @Test
    void restoreIntoANewTenantNeedsConfirmationAndGivesAServingPortal() {
        BackupRun run = backups.backup(registry.findByCode("alpha").orElseThrow(), "manual").block();
        Browser browser = OperatorConsole.loggedIn(server.getPort());
        String confirmPath = "/van-hanh/sao-luu/alpha/" + run.id() + "/khoi-phuc";
        HttpResponse<String> form = browser.get(confirmPath);
        assertEquals(200, form.statusCode(), form.body());

        Map<String, String> fields = new HashMap<>(Map.of("into", "new", "newCode", "alpha_copy", "abbreviation", "alphacopy",
                "confirm", "", "csrfToken", StaffForms.csrfToken(form)));
        HttpResponse<String> unconfirmed = browser.postForm(confirmPath, fields);
        assertEquals(422, unconfirmed.statusCode());
        assertTrue(StaffForms.text(unconfirmed).contains("gõ đúng mã cổng sẽ bị ghi: «alpha_copy»"), unconfirmed.body());
        assertEquals("alphacopy", OperatorConsole.html(unconfirmed).selectFirst("#abbreviation").attr("value"), "what was typed is kept");
        assertEquals(404, new Browser(server.getPort(), "alphacopy.most.localhost").get("/").statusCode(), "nothing restored yet");
        assertTrue(StaffForms.text(unconfirmed).contains("cần tên hiển thị của cổng mới"), "a new tenant needs its own name");
        assertTrue(OperatorConsole.html(unconfirmed).selectFirst("#name").parent().hasClass("has-error"));

        fields.put("confirm", "alpha_copy");
        fields.put("name", "Cục Alpha (bản khôi phục)");
        HttpResponse<String> started = browser.postForm(confirmPath, fields);
        assertEquals(303, started.statusCode(), started.body());
        String restorePage = started.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> done = OperatorConsole.pollPage(browser, restorePage, DEADLINE,
                html -> !"running".equals(html.getElementById("trang-thai").attr("data-status")));
        Document html = OperatorConsole.html(done);
        assertEquals("succeeded", html.getElementById("trang-thai").attr("data-status"), done.body());

        HttpResponse<String> portal = new Browser(server.getPort(), "alphacopy.most.localhost").get("/");
        assertEquals(200, portal.statusCode(), "the restored tenant serves its portal");
        assertTrue(StaffForms.text(portal).contains("Cục Alpha"), "the portal shows the restored tenant's name");
    }

    @Test
    void anotherTenantsBackupCannotBeVerifiedOrRestoredThroughThisTenant() {
        BackupRun alphaRun = backups.backup(registry.findByCode("alpha").orElseThrow(), "manual").block();
        Browser browser = OperatorConsole.loggedIn(server.getPort());
        assertEquals(404, browser.get("/van-hanh/sao-luu/beta/" + alphaRun.id() + "/khoi-phuc").statusCode());
        HttpResponse<String> verify = browser.postForm("/van-hanh/sao-luu/beta/" + alphaRun.id() + "/kiem-chung",
                Map.of("csrfToken", OperatorConsole.token(browser)));
        assertEquals(409, verify.statusCode());
        HttpResponse<String> restore = browser.postForm("/van-hanh/sao-luu/beta/" + alphaRun.id() + "/khoi-phuc",
                Map.of("into", "same", "confirm", "beta", "csrfToken", OperatorConsole.token(browser)));
        assertEquals(404, restore.statusCode());
        HttpResponse<String> history = browser.get("/van-hanh/sao-luu/beta");
        assertEquals(null, OperatorConsole.html(history).getElementById("ban-" + alphaRun.id()), "beta's history does not list alpha's backup");
    }

    @Test
    void aRunCutOffByAStoppedNodeIsShownAsInterruptedAndStopsTheRefresh() throws SQLException {
        long id;
        try (var c = jdbc(); var rs = c.createStatement().executeQuery("""
                INSERT INTO platform.backup_runs (tenant_code, trigger, phase, started_at)
                VALUES ('bo', 'scheduled', 'dumping', now() - interval '7 hours') RETURNING id""")) {
            rs.next();
            id = rs.getLong(1);
        }
        HttpResponse<String> page = OperatorConsole.loggedIn(server.getPort()).get("/van-hanh/sao-luu/bo");
        Document html = OperatorConsole.html(page);
        assertTrue(html.getElementById("ban-" + id).text().contains("gián đoạn"), html.getElementById("ban-" + id).text());
        assertEquals(null, html.selectFirst("meta[http-equiv=refresh]"), "nothing is under way, so the page does not keep reloading");
    }

}
