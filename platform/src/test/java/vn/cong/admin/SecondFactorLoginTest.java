package vn.cong.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.AccountProvisioning;
import vn.cong.accounts.Role;
import vn.cong.accounts.Totp;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logIn;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

/**
 * TOTP second factor (issue 16 item 4): leaders of a tenant that requires it enrol before anything else,
 * the secret is shown as text and QR code and switched on only by a code; afterwards a login is complete only
 * after a code (never one used before) or a one-time recovery code, wrong codes are throttled, the session id
 * changes at each step, and the tenant admin resets a lost device, audited, in their own tenant only.
 * Codes are computed with the library against the test's clock.
 */
@MicronautTest(transactional = false)
class SecondFactorLoginTest extends PlatformTestSupport {

    static final String ALPHA = TwoPortals.ALPHA_HOST;
    static final String ADMIN = "quantri";
    static final String ADMIN_PASSWORD = "MatKhauAlpha2026!";
    static final String SECURITY = "/quan-tri/bao-mat";
    static final String SECOND_STEP = "/quan-tri/xac-thuc";

    final MutableClock clock = MutableClock.startingNow();

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Inject
    ApplicationContext context;
    @Inject
    Totp totp;

    TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        // alpha requires a second factor of its leaders (the test manifests switch it off)
        context.getBean(AccountProvisioning.class).applyPolicy(portals.alpha(), true, null).block();
        AccountAdministration accounts = context.getBean(AccountAdministration.class);
        for (String name : List.of("truongban", "phoban", "phoban2")) {
            accounts.create(portals.alpha(), 1, new AccountDetails(name, name + "@alpha.vn", "Lãnh đạo " + name, "", "", ""),
                    Set.of(name.equals("truongban") ? Role.HEAD : Role.DEPUTY_HEAD), "LanhDaoAlpha2026!").block();
        }
    }

    private static String location(HttpResponse<String> answer) {
        return URLDecoder.decode(answer.headers().firstValue("Location").orElse(""), StandardCharsets.UTF_8);
    }

    private record Enrolled(String secret, List<String> recoveryCodes) {
    }

    /** Logs in with the password, is sent to enrolment, scans the secret and confirms it with a code. */
    private Enrolled enrol(Browser browser, String username, String password) {
        logInOk(browser, username, password);
        HttpResponse<String> gate = browser.get("/quan-tri/bai-viet");
        assertEquals(303, gate.statusCode(), "a leader without a second factor reaches no other staff page");
        assertEquals(SECURITY + "?tiep=/quan-tri/bai-viet", location(gate));
        HttpResponse<String> page = browser.get(SECURITY);
        assertEquals(200, page.statusCode());
        Document doc = Jsoup.parse(page.body());
        assertTrue(text(page).contains(SecurityController.DUE), text(page));
        assertFalse(doc.select("svg.qr-code path").isEmpty(), "the QR code is drawn on the page");
        String secret = doc.selectFirst("#khoa-bi-mat").text().replace(" ", "");
        assertEquals(32, secret.length(), secret);
        assertEquals(secret, Jsoup.parse(browser.get(SECURITY).body()).selectFirst("#khoa-bi-mat").text().replace(" ", ""),
                "a reload shows the same secret");

        HttpResponse<String> wrong = browser.postForm(SECURITY + "/bat", Map.of("code", otherCode(secret), "tiep", "/quan-tri/bai-viet",
                "csrfToken", csrfToken(page)));
        assertEquals(400, wrong.statusCode());
        assertTrue(text(wrong).contains(SecurityController.WRONG_CODE));
        assertEquals(303, browser.get("/quan-tri").statusCode(), "a wrong code switches nothing on");

        HttpResponse<String> done = browser.postForm(SECURITY + "/bat", Map.of("code", totp.code(secret, totp.currentStep()),
                "tiep", "/quan-tri/bai-viet", "csrfToken", csrfToken(page)));
        assertEquals(200, done.statusCode(), text(done));
        List<String> codes = Jsoup.parse(done.body()).select("#ma-khoi-phuc li code").eachText();
        assertEquals(10, codes.size());
        assertEquals(10, Set.copyOf(codes).size());
        assertEquals(200, browser.get("/quan-tri/bai-viet").statusCode(), "enrolled: the staff area opens");
        return new Enrolled(secret, codes);
    }

    /** A six-digit code that is none of the codes accepted now. */
    private String otherCode(String secret) {
        long step = totp.currentStep();
        Set<String> valid = Set.of(totp.code(secret, step - 1), totp.code(secret, step), totp.code(secret, step + 1));
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", i);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** The password step: lands on the second-step page, still anonymous. */
    private HttpResponse<String> passwordStep(Browser browser, String username, String password) {
        HttpResponse<String> answer = logIn(browser, username, password);
        assertEquals(303, answer.statusCode(), text(answer));
        assertEquals(SECOND_STEP + "?tiep=/quan-tri", location(answer));
        HttpResponse<String> anonymous = browser.get("/quan-tri");
        assertEquals(303, anonymous.statusCode(), "the password alone does not sign in");
        assertEquals("/quan-tri/dang-nhap", location(anonymous));
        HttpResponse<String> form = browser.get(SECOND_STEP + "?tiep=/quan-tri");
        assertEquals(200, form.statusCode());
        return form;
    }

    private static HttpResponse<String> code(Browser browser, HttpResponse<String> form, String code) {
        return browser.postForm(SECOND_STEP, Map.of("code", code, "tiep", "/quan-tri", "csrfToken", csrfToken(form)));
    }

    @Test
    void aLeaderEnrolsThenLogsInWithAFreshCodeOnlyAndTheSessionIdChangesAtEachStep() {
        Enrolled enrolled = enrol(portals.browser(ALPHA), ADMIN, ADMIN_PASSWORD);
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.accounts WHERE username = 'quantri'"
                + " AND totp_enabled_at IS NOT NULL AND totp_pending_secret IS NULL"));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'account.mfa_enabled'"
                + " AND actor_id = (SELECT id FROM t_alpha.accounts WHERE username = 'quantri')"));

        Browser browser = portals.browser(ALPHA);
        browser.get("/quan-tri/dang-nhap");
        String formSession = browser.cookies().get("CONG_SESSION");
        HttpResponse<String> form = passwordStep(browser, ADMIN, ADMIN_PASSWORD);
        String pendingSession = browser.cookies().get("CONG_SESSION");
        assertNotEquals(formSession, pendingSession, "a new id after the password");

        HttpResponse<String> wrong = code(browser, form, otherCode(enrolled.secret()));
        assertEquals(401, wrong.statusCode());
        assertTrue(text(wrong).contains(LoginController.CODE_REFUSED));
        HttpResponse<String> replayed = code(browser, form, totp.code(enrolled.secret(), totp.currentStep()));
        assertEquals(401, replayed.statusCode(), "the code that confirmed enrolment was used already");

        clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
        HttpResponse<String> ok = code(browser, form, totp.code(enrolled.secret(), totp.currentStep()));
        assertEquals(303, ok.statusCode(), text(ok));
        assertEquals("/quan-tri", location(ok));
        assertNotEquals(pendingSession, browser.cookies().get("CONG_SESSION"), "a new id after the second factor (no fixation)");
        assertEquals(200, browser.get("/quan-tri").statusCode());
        assertEquals(200, browser.get("/quan-tri/bai-viet").statusCode());

        Browser planted = portals.browser(ALPHA);
        planted.cookies().put("CONG_SESSION", pendingSession);
        assertEquals(303, planted.get("/quan-tri").statusCode(), "the half-way session is gone");
    }

    @Test
    void aRecoveryCodeWorksOnceAndIsSpent() {
        Enrolled enrolled = enrol(portals.browser(ALPHA), "truongban", "LanhDaoAlpha2026!");
        String recovery = enrolled.recoveryCodes().get(3);

        Browser first = portals.browser(ALPHA);
        HttpResponse<String> ok = code(first, passwordStep(first, "truongban", "LanhDaoAlpha2026!"), recovery.toUpperCase());
        assertEquals(303, ok.statusCode(), text(ok));
        assertEquals(200, first.get("/quan-tri").statusCode());
        assertEquals(9, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.recovery_codes r JOIN t_alpha.accounts a"
                + " ON a.id = r.account_id WHERE a.username = 'truongban' AND r.used_at IS NULL"));
        assertFalse(SqlProbe.string(this::jdbc, "SELECT string_agg(code_hash, ',') FROM t_alpha.recovery_codes").contains(recovery.replace("-", "")),
                "only hashes are stored");

        Browser second = portals.browser(ALPHA);
        HttpResponse<String> again = code(second, passwordStep(second, "truongban", "LanhDaoAlpha2026!"), recovery);
        assertEquals(401, again.statusCode(), "a recovery code works once");
    }

    @Test
    void wrongCodesAreThrottledLikePasswordsEvenForTheRightCode() {
        Enrolled enrolled = enrol(portals.browser(ALPHA), "phoban", "LanhDaoAlpha2026!");
        Browser browser = portals.browser(ALPHA);
        HttpResponse<String> form = passwordStep(browser, "phoban", "LanhDaoAlpha2026!");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, code(browser, form, otherCode(enrolled.secret())).statusCode());
        }
        // the next step's code is valid (clock drift) and unused: refused only because of the failures
        HttpResponse<String> throttled = code(browser, form, totp.code(enrolled.secret(), totp.currentStep() + 1));
        assertEquals(429, throttled.statusCode(), text(throttled));
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
        assertEquals(303, browser.get("/quan-tri").statusCode(), "still not signed in");
    }

    @Test
    void theTenantAdminResetsALostDeviceAuditedAndAnotherTenantsAdminCannot() {
        Enrolled enrolled = enrol(portals.browser(ALPHA), "phoban2", "LanhDaoAlpha2026!");
        long id = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.accounts WHERE username = 'phoban2'");
        Browser device = portals.browser(ALPHA);
        clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
        code(device, passwordStep(device, "phoban2", "LanhDaoAlpha2026!"), totp.code(enrolled.secret(), totp.currentStep()));
        assertEquals(200, device.get("/quan-tri").statusCode());

        // beta's admin, on beta's host: the same id there is a beta account (or none), never alpha's
        Browser betaAdmin = portals.loggedIn(TwoPortals.BETA_HOST, ADMIN, "MatKhauBeta2026!");
        HttpResponse<String> betaPage = betaAdmin.get("/quan-tri/tai-khoan/" + id);
        assertFalse(text(betaPage).contains("phoban2"), "beta's admin does not see alpha's account");
        betaAdmin.postForm("/quan-tri/tai-khoan/" + id + "/xac-thuc-hai-buoc", Map.of("csrfToken", csrfToken(betaAdmin.get("/quan-tri/tai-khoan"))));
        Browser replayed = betaAdmin.at(ALPHA);
        assertEquals(303, replayed.get("/quan-tri/tai-khoan/" + id).statusCode(), "beta's session means nothing on alpha");
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.accounts WHERE username = 'phoban2' AND totp_enabled_at IS NOT NULL"));

        Browser admin = portals.browser(ALPHA);
        Enrolled adminFactor = enrolledAdmin(admin);
        assertTrue(adminFactor.secret().length() > 0);
        HttpResponse<String> page = admin.get("/quan-tri/tai-khoan/" + id);
        assertEquals("Đang bật", Jsoup.parse(page.body()).selectFirst("#hai-buoc").text());
        HttpResponse<String> reset = admin.postForm("/quan-tri/tai-khoan/" + id + "/xac-thuc-hai-buoc", Map.of("csrfToken", csrfToken(page)));
        assertEquals(303, reset.statusCode(), text(reset));
        assertTrue(text(admin.get(location(reset))).contains("Đã đặt lại xác thực hai bước"));
        assertEquals(303, device.get("/quan-tri").statusCode(), "the account's sessions ended");
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'account.mfa_reset'"
                + " AND details->>'username' = 'phoban2' AND actor_id = (SELECT id FROM t_alpha.accounts WHERE username = 'quantri')"));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.recovery_codes r JOIN t_alpha.accounts a"
                + " ON a.id = r.account_id WHERE a.username = 'phoban2'"));

        Browser again = portals.browser(ALPHA);
        logInOk(again, "phoban2", "LanhDaoAlpha2026!");
        assertEquals(SECURITY + "?tiep=/quan-tri", location(again.get("/quan-tri")), "a deputy head enrols a new device");
    }

    /** alpha's admin signed in with the second factor (enrolling first if no other test did). */
    private Enrolled enrolledAdmin(Browser browser) {
        if (SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.accounts WHERE username = 'quantri' AND totp_enabled_at IS NOT NULL") == 0) {
            return enrol(browser, ADMIN, ADMIN_PASSWORD);
        }
        String secret = SqlProbe.string(this::jdbc, "SELECT totp_secret FROM t_alpha.accounts WHERE username = 'quantri'");
        clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
        HttpResponse<String> ok = code(browser, passwordStep(browser, ADMIN, ADMIN_PASSWORD), totp.code(secret, totp.currentStep()));
        assertEquals(303, ok.statusCode(), text(ok));
        return new Enrolled(secret, List.of());
    }
}
