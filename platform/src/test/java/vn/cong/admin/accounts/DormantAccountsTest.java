package vn.cong.admin.accounts;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.DormantAccounts;
import vn.cong.accounts.Role;
import vn.cong.admin.StaffForms;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logIn;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/**
 * Accounts unused for the tenant's period (45 days unless the tenant says otherwise) are disabled by the
 * daily job, with a notice to the tenant admins (issue 16). Time is moved with the test clock.
 */
@MicronautTest(transactional = false)
class DormantAccountsTest extends PlatformTestSupport {

    static final String ALPHA = "alpha.most.localhost";

    final MutableClock clock = MutableClock.startingNow();

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    TenantRegistry registry;
    @Inject
    AccountAdministration administration;
    @Inject
    DormantAccounts dormant;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        for (String tenant : new String[]{"alpha", "beta"}) {
            for (String username : new String[]{"lau-khong-dung", "moi-dung", "ba-muoi-mot"}) {
                administration.create(registry.findByCode(tenant).orElseThrow(), 1,
                        new AccountDetails(username, username + "@example.vn", "Nguyễn Văn " + username, "", "", ""),
                        Set.of(Role.EDITOR), "MatKhauDung2026").block();
            }
        }
    }

    private void sql(String statement) throws SQLException {
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private String one(String query) throws SQLException {
        try (var c = jdbc(); var s = c.createStatement(); var r = s.executeQuery(query)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /** Sets when an account last logged in, {@code days} before the test clock's now. */
    private void lastLogin(String schema, String username, int days) throws SQLException {
        sql("UPDATE " + schema + ".accounts SET last_login_at = '" + clock.instant() + "'::timestamptz - interval '" + days
                + " days' WHERE username = '" + username + "'");
    }

    @Test
    void accountsUnusedForFortyFiveDaysAreDisabledAndTheAdminIsTold() throws SQLException {
        Browser session = new Browser(server.getPort(), ALPHA);
        logInOk(session, "lau-khong-dung", "MatKhauDung2026");
        lastLogin("t_alpha", "lau-khong-dung", 46);
        lastLogin("t_alpha", "moi-dung", 44);
        lastLogin("t_alpha", "quantri", 1);
        lastLogin("t_alpha", "ba-muoi-mot", 31);
        String betaNotices = one("SELECT count(*) FROM t_beta.notifications");

        dormant.disableDormant().block();
        assertEquals("dormant", one("SELECT status FROM t_alpha.accounts WHERE username = 'lau-khong-dung'"));
        assertEquals("active", one("SELECT status FROM t_alpha.accounts WHERE username = 'moi-dung'"));
        assertEquals("active", one("SELECT status FROM t_alpha.accounts WHERE username = 'quantri'"));
        assertEquals(401, logIn(new Browser(server.getPort(), ALPHA), "lau-khong-dung", "MatKhauDung2026").statusCode(),
                "a dormant account cannot log in");
        assertEquals(303, session.get("/quan-tri").statusCode(), "and its open session is over");

        String notice = one("""
                SELECT n.message FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id
                WHERE a.username = 'quantri' AND n.message LIKE '%lau-khong-dung%'""");
        assertTrue(notice != null && notice.contains("đã tạm ngừng vì không được dùng") && notice.contains("quá 45 ngày"), notice);
        assertEquals("0", one("SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a ON a.id = n.account_id "
                + "WHERE a.username <> 'quantri' AND n.message LIKE '%tạm ngừng%'"), "only tenant admins are told");
        assertEquals("1", one("SELECT count(*) FROM t_alpha.audit_log WHERE action = 'account.dormant'"));
        assertEquals(betaNotices, one("SELECT count(*) FROM t_beta.notifications"), "beta's admin hears nothing of alpha's accounts");

        dormant.disableDormant().block();
        assertEquals("1", one("SELECT count(*) FROM t_alpha.notifications WHERE message LIKE '%lau-khong-dung%'"),
                "a second run (or another node) changes and tells nothing again");

        clock.advance(Duration.ofDays(2));
        dormant.disableDormant().block();
        assertEquals("dormant", one("SELECT status FROM t_alpha.accounts WHERE username = 'moi-dung'"), "46 days now");
        assertEquals("active", one("SELECT status FROM t_alpha.accounts WHERE username = 'quantri'"));

        Browser admin = new Browser(server.getPort(), ALPHA);
        logInOk(admin, "quantri", "MatKhauAlpha2026!");
        String id = one("SELECT id FROM t_alpha.accounts WHERE username = 'lau-khong-dung'");
        HttpResponse<String> page = admin.get("/quan-tri/tai-khoan/" + id);
        assertTrue(text(page).contains("Tạm ngừng do lâu không dùng"), text(page));
        HttpResponse<String> reactivated = admin.postForm("/quan-tri/tai-khoan/" + id + "/kich-hoat", Map.of("csrfToken", csrfToken(page)));
        assertEquals(303, reactivated.statusCode());
        logInOk(new Browser(server.getPort(), ALPHA), "lau-khong-dung", "MatKhauDung2026");
    }

    @Test
    void eachTenantUsesItsOwnPeriodAndTheLastActiveTenantAdminStays() throws SQLException {
        sql("UPDATE t_beta.account_settings SET dormant_after_days = 30");
        for (String username : new String[]{"lau-khong-dung", "quantri"}) {
            lastLogin("t_beta", username, 31);
        }
        lastLogin("t_beta", "moi-dung", 29);
        lastLogin("t_alpha", "ba-muoi-mot", 31);
        dormant.disableDormant().block();
        assertEquals("dormant", one("SELECT status FROM t_beta.accounts WHERE username = 'lau-khong-dung'"), "31 > beta's 30 days");
        assertEquals("active", one("SELECT status FROM t_beta.accounts WHERE username = 'moi-dung'"));
        assertEquals("active", one("SELECT status FROM t_beta.accounts WHERE username = 'quantri'"),
                "beta's only tenant admin is never disabled: nobody would be left to re-activate accounts");
        assertEquals("active", one("SELECT status FROM t_alpha.accounts WHERE username = 'ba-muoi-mot'"), "alpha keeps 45 days");
    }
}
