package vn.cong.admin;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.logIn;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

@MicronautTest(transactional = false)
class LoginLockoutTest extends PlatformTestSupport {

    static final String ALPHA = "alpha.most.localhost";
    static final String LOCKED = "Tài khoản tạm bị khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau ";
    static final Pattern LOCKED_UNTIL = Pattern.compile("Vui lòng thử lại sau \\d{2}:\\d{2}");

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    AccountAdministration administration;

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        for (String tenant : new String[]{"alpha", "beta"}) {
            for (String username : new String[]{"khoa-tam", "dung-luc", "song-song"}) {
                administration.create(registry.findByCode(tenant).orElseThrow(), 1,
                        new AccountDetails(username, username + "@example.vn", "Thử khoá", "", "", ""),
                        Set.of(Role.EDITOR), "MatKhauDung2026").block();
            }
        }
    }

    private Browser browser(String host) {
        return new Browser(server.getPort(), host);
    }

    private long attempts(String schema, String username, boolean succeeded) throws SQLException {
        try (var c = jdbc(); var s = c.prepareStatement(
                "SELECT count(*) FROM " + schema + ".login_attempts WHERE username = ? AND succeeded = ?")) {
            s.setString(1, username);
            s.setBoolean(2, succeeded);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void fiveFailuresLockTheAccountAndEvenTheRightPasswordIsRefusedDuringTheLock() throws SQLException {
        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> answer = logIn(browser(ALPHA), "khoa-tam", "sai-lan-" + i);
            assertEquals(401, answer.statusCode());
            assertFalse(text(answer).contains(LOCKED), "not locked after " + i + " failures");
        }
        HttpResponse<String> fifth = logIn(browser(ALPHA), "khoa-tam", "sai-lan-5");
        assertEquals(401, fifth.statusCode());
        assertTrue(text(fifth).contains(LOCKED), text(fifth));
        assertTrue(LOCKED_UNTIL.matcher(text(fifth)).find(), "the message says until when (HH:mm)");

        HttpResponse<String> right = logIn(browser(ALPHA), "khoa-tam", "MatKhauDung2026");
        assertEquals(401, right.statusCode());
        assertTrue(text(right).contains(LOCKED));
        assertEquals(6, attempts("t_alpha", "khoa-tam", false), "every attempt is recorded");
        assertEquals(0, attempts("t_alpha", "khoa-tam", true));

        logInOk(browser("beta.most.localhost"), "khoa-tam", "MatKhauDung2026");

        // 16 minutes pass (the clock is moved rather than waited for): the lock has run out, and one more
        // failure does not lock again
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE t_alpha.accounts SET locked_until = locked_until - interval '16 minutes' WHERE username = 'khoa-tam'");
            s.executeUpdate("UPDATE t_alpha.login_attempts SET at = at - interval '16 minutes' WHERE username = 'khoa-tam'");
        }
        HttpResponse<String> afterLock = logIn(browser(ALPHA), "khoa-tam", "sai-nua");
        assertEquals(401, afterLock.statusCode());
        assertFalse(text(afterLock).contains(LOCKED));
        logInOk(browser(ALPHA), "khoa-tam", "MatKhauDung2026");
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            assertEquals(401, logIn(browser(ALPHA), "dung-luc", "sai").statusCode());
        }
        logInOk(browser(ALPHA), "dung-luc", "MatKhauDung2026");
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> answer = logIn(browser(ALPHA), "dung-luc", "sai");
            assertFalse(text(answer).contains(LOCKED), "failure " + (i + 1) + " after a success");
        }
        logInOk(browser(ALPHA), "dung-luc", "MatKhauDung2026");
    }

    @Test
    void tenantAdminSeesTheLockAndCanLiftIt() throws SQLException {
        for (int i = 0; i < 5; i++) {
            logIn(browser(ALPHA), "song-song", "sai");
        }
        assertTrue(text(logIn(browser(ALPHA), "song-song", "MatKhauDung2026")).contains(LOCKED));
        Browser admin = browser(ALPHA);
        logInOk(admin, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> list = admin.get("/quan-tri/tai-khoan");
        assertTrue(text(list).contains("Tạm khoá đến"));
        String id;
        try (var c = jdbc(); var s = c.createStatement(); var r = s.executeQuery(
                "SELECT id FROM t_alpha.accounts WHERE username = 'song-song'")) {
            r.next();
            id = r.getString(1);
        }
        HttpResponse<String> page = admin.get("/quan-tri/tai-khoan/" + id);
        HttpResponse<String> unlocked = admin.postForm("/quan-tri/tai-khoan/" + id + "/mo-khoa",
                java.util.Map.of("csrfToken", StaffForms.csrfToken(page)));
        assertEquals(303, unlocked.statusCode());
        logInOk(browser(ALPHA), "song-song", "MatKhauDung2026");
    }
}
