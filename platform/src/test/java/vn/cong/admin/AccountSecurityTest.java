package vn.cong.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.AccountProvisioning;
import vn.cong.accounts.OwnAccountSecurity;
import vn.cong.accounts.Role;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logIn;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/**
 * Staff see their own sessions and sign out everywhere; a staff member reports lost or leaked credentials
 * (seed 000 Đ7.3); a new account acknowledges the security briefing before first use (seed 001 Đ5.1a).
 * Nothing of one tenant's sessions shows on another's.
 */
@MicronautTest(transactional = false)
class AccountSecurityTest extends PlatformTestSupport {

    static final String ALPHA = TwoPortals.ALPHA_HOST;
    static final String BETA = TwoPortals.BETA_HOST;
    static final String PASSWORD = "PhienDangNhap2026!";
    static final String SESSIONS = "/quan-tri/phien-dang-nhap";

    @Inject
    ApplicationContext context;

    TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        AccountAdministration accounts = context.getBean(AccountAdministration.class);
        for (String name : List.of("hai-noi", "bi-lo")) {
            accounts.create(portals.alpha(), 1, new AccountDetails(name, name + "@alpha.vn", "Cán bộ " + name, "", "", ""),
                    Set.of(Role.EDITOR), PASSWORD).block();
        }
        // beta requires the briefing of new accounts (the test manifests switch it off)
        context.getBean(AccountProvisioning.class).applyPolicy(portals.beta(), null, true).block();
        // beta's editor acknowledged it before (the fixture creates accounts with the policy off)
        SqlProbe.run(this::jdbc, "UPDATE t_beta.accounts SET briefing_acknowledged_at = now() WHERE username = '" + TwoPortals.EDITOR + "'");
        accounts.create(portals.beta(), 1, new AccountDetails("moi-vao", "moi@beta.vn", "Người mới", "", "", ""),
                Set.of(Role.EDITOR), PASSWORD).block();
    }

    private static String location(HttpResponse<String> answer) {
        return URLDecoder.decode(answer.headers().firstValue("Location").orElse(""), StandardCharsets.UTF_8);
    }

    @Test
    void staffSeeTheirOwnSessionsAndSignOutEverywhereEndsAnotherBrowsersSession() {
        Browser office = portals.loggedIn(ALPHA, "hai-noi", PASSWORD);
        Browser home = portals.loggedIn(ALPHA, "hai-noi", PASSWORD);
        home.get("/quan-tri", Map.of("User-Agent", "Trinh duyet o nha/1.0"));
        Browser betaEditor = portals.editor(portals.beta());

        HttpResponse<String> list = office.get(SESSIONS);
        assertEquals(200, list.statusCode());
        var rows = Jsoup.parse(list.body()).select("#phien tbody tr");
        assertEquals(2, rows.size(), text(list));
        assertEquals(1, rows.select(".badge").size(), "this browser's session is marked");
        assertTrue(text(list).contains("Trinh duyet o nha/1.0"), text(list));
        assertEquals(1, Jsoup.parse(betaEditor.get(SESSIONS).body()).select("#phien tbody tr").size(),
                "beta's editor sees only their own session, none of alpha's");

        HttpResponse<String> out = office.postForm(SESSIONS + "/dang-xuat-tat-ca", Map.of("csrfToken", csrfToken(list)));
        assertEquals(303, out.statusCode(), text(out));
        assertTrue(location(out).startsWith(LoginController.LOGIN_PATH));
        assertEquals(303, home.get("/quan-tri").statusCode(), "the other browser is signed out");
        assertEquals(303, office.get("/quan-tri").statusCode(), "and this one");
        assertEquals(200, betaEditor.get("/quan-tri").statusCode(), "beta's editor is untouched");
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'account.signed_out_everywhere'"));
        logInOk(portals.browser(ALPHA), "hai-noi", PASSWORD);
    }

    @Test
    void reportingLostCredentialsEndsSessionsStopsThePasswordAndTellsTheTenantAdmins() {
        Browser mine = portals.loggedIn(ALPHA, "bi-lo", PASSWORD);
        Browser thief = portals.loggedIn(ALPHA, "bi-lo", PASSWORD);
        long noticesBefore = SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.notifications");

        HttpResponse<String> page = mine.get(SecurityController.PATH);
        HttpResponse<String> unconfirmed = mine.postForm(SecurityController.PATH + "/bao-lo", Map.of("csrfToken", csrfToken(page)));
        assertEquals(400, unconfirmed.statusCode());
        assertTrue(text(unconfirmed).contains(SecurityController.CONFIRM_REPORT));
        assertEquals(200, thief.get("/quan-tri").statusCode(), "nothing happened without the confirmation");

        HttpResponse<String> reported = mine.postForm(SecurityController.PATH + "/bao-lo",
                Map.of("confirm", "1", "csrfToken", csrfToken(page)));
        assertEquals(200, reported.statusCode(), text(reported));
        assertTrue(text(reported).contains("Quản trị cổng đã được thông báo"));
        assertEquals(303, thief.get("/quan-tri").statusCode(), "every session ended");
        assertEquals(303, mine.get("/quan-tri").statusCode());
        assertEquals(401, logIn(portals.browser(ALPHA), "bi-lo", PASSWORD).statusCode(), "the leaked password no longer works");
        assertEquals(noticesBefore + 1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.notifications n JOIN t_alpha.accounts a"
                + " ON a.id = n.account_id WHERE 'tenant_admin' = ANY (a.roles) AND n.message LIKE '%bi-lo%'"));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'account.credentials_reported'"));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.notifications WHERE message LIKE '%bi-lo%'"));

        // the tenant admin issues a set-password link; the person is back with a new password
        Browser admin = portals.loggedIn(ALPHA, "quantri", "MatKhauAlpha2026!");
        long id = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.accounts WHERE username = 'bi-lo'");
        HttpResponse<String> edit = admin.get("/quan-tri/tai-khoan/" + id);
        assertTrue(text(edit).contains("Chưa đặt mật khẩu"), text(edit));
    }

    @Test
    void aNewAccountAcknowledgesTheBriefingBeforeAnythingElseRecordedWithTime() {
        Browser browser = portals.browser(BETA);
        logInOk(browser, "moi-vao", PASSWORD);
        HttpResponse<String> gate = browser.get("/quan-tri/bai-viet");
        assertEquals(303, gate.statusCode());
        assertEquals(BriefingController.PATH + "?tiep=/quan-tri/bai-viet", location(gate));
        HttpResponse<String> page = browser.get(BriefingController.PATH + "?tiep=/quan-tri/bai-viet");
        assertEquals(200, page.statusCode());
        assertTrue(text(page).contains(OwnAccountSecurity.BRIEFING.substring(0, 60)), text(page));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.accounts WHERE username = 'moi-vao' AND briefing_acknowledged_at IS NOT NULL"));

        HttpResponse<String> ack = browser.postForm(BriefingController.PATH, Map.of("tiep", "/quan-tri/bai-viet", "csrfToken", csrfToken(page)));
        assertEquals(303, ack.statusCode(), text(ack));
        assertEquals("/quan-tri/bai-viet", location(ack));
        assertEquals(200, browser.get("/quan-tri/bai-viet").statusCode());
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.accounts WHERE username = 'moi-vao'"
                + " AND briefing_acknowledged_at BETWEEN now() - interval '5 minutes' AND now()"));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.audit_log WHERE action = 'account.briefing_acknowledged'"));
        assertFalse(Jsoup.parse(browser.get(BriefingController.PATH).body()).select("form[action=/quan-tri/quy-dinh-bao-mat]").size() > 0,
                "acknowledged once: the page only shows the text");

        // beta's editor, who acknowledged it before, and alpha's accounts (alpha does not require it) are not gated
        assertEquals(200, portals.editor(portals.beta()).get("/quan-tri/bai-viet").statusCode());
        assertEquals(200, portals.editor(portals.alpha()).get("/quan-tri/bai-viet").statusCode());
    }

    @Test
    void theTenantAdminSetsTheAccountPolicyOfTheirOwnTenantAudited() {
        Browser admin = portals.loggedIn(ALPHA, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> list = admin.get("/quan-tri/tai-khoan");
        assertFalse(Jsoup.parse(list.body()).selectFirst("#mfaForLeaders").hasAttr("checked"), "the test manifests switch it off");

        Browser betaAdminOnAlpha = portals.loggedIn(BETA, "quantri", "MatKhauBeta2026!").at(ALPHA);
        HttpResponse<String> foreign = betaAdminOnAlpha.postForm("/quan-tri/tai-khoan/chinh-sach",
                Map.of("mfaForLeaders", "1", "csrfToken", csrfToken(list)));
        assertTrue(foreign.statusCode() == 303 || foreign.statusCode() == 403, "beta's admin changes nothing on alpha: " + foreign.statusCode());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.account_settings WHERE mfa_required_for_leaders"));

        HttpResponse<String> saved = admin.postForm("/quan-tri/tai-khoan/chinh-sach", Map.of("mfaForLeaders", "1", "csrfToken", csrfToken(list)));
        try {
            assertEquals(303, saved.statusCode(), text(saved));
            assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.account_settings WHERE mfa_required_for_leaders AND NOT briefing_required"));
            assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'account.policy_changed'"
                    + " AND details->'mfa_for_leaders'->>'to' = 'true'"));
            assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.account_settings WHERE NOT mfa_required_for_leaders AND briefing_required"),
                    "beta's policy is its own");
            assertEquals(SecurityController.PATH + "?tiep=/quan-tri", location(admin.get("/quan-tri")),
                    "the admin, a leader without a second factor, is sent to enrol at once");
        } finally {
            context.getBean(AccountProvisioning.class).applyPolicy(portals.alpha(), false, null).block();
        }
    }
}
