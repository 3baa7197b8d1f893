package vn.cong.console;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.cong.accounts.AccountProvisioning;
import vn.cong.accounts.SecondFactor;
import vn.cong.accounts.Totp;
import vn.cong.admin.StaffForms;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator console's second factor (issue 16 item 4: always outside dev): after the right password the
 * session stays anonymous until a code of the configured secret, never one used before; the operator resets a
 * tenant admin's lost device from the console or the API, recorded in both audit trails.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // codes are accepted in step order: the older step first
class ConsoleSecondFactorTest extends PlatformTestSupport {

    static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Totp totp;

    TwoPortals portals;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>(OperatorConsole.operatorProperties());
        p.put("cong.operator.totp-secret", SECRET);
        p.put("cong.operator.mfa-required", "true");
        return p;
    }

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        context.getBean(AccountProvisioning.class).applyPolicy(portals.alpha(), true, null).block();
        SecondFactor factor = context.getBean(SecondFactor.class);
        long admin = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.accounts WHERE username = 'quantri'");
        String secret = factor.enrolment(portals.alpha(), admin).block().secret();
        factor.confirm(portals.alpha(), admin, totp.code(secret, totp.currentStep())).block();
    }

    private Browser browser() {
        return new Browser(server.getPort(), OperatorConsole.HOST);
    }

    /** Password, then the second-step form; returns it. */
    private HttpResponse<String> passwordStep(Browser browser) {
        HttpResponse<String> answer = OperatorConsole.logIn(browser, OperatorConsole.USERNAME, OperatorConsole.PASSWORD);
        assertEquals(303, answer.statusCode(), answer.body());
        assertEquals(Console.SECOND_STEP + "?tiep=" + Console.ROOT, answer.headers().firstValue("Location").orElse(""));
        assertEquals(303, browser.get(Console.ROOT + "/cong").statusCode(), "the password alone opens nothing");
        HttpResponse<String> form = browser.get(Console.SECOND_STEP);
        assertEquals(200, form.statusCode());
        return form;
    }

    private static HttpResponse<String> code(Browser browser, HttpResponse<String> form, String code) {
        return browser.postForm(Console.SECOND_STEP, Map.of("code", code, "tiep", Console.ROOT, "csrfToken", StaffForms.csrfToken(form)));
    }

    private Browser signedIn(long step) {
        Browser browser = browser();
        HttpResponse<String> ok = code(browser, passwordStep(browser), totp.code(SECRET, step));
        assertEquals(303, ok.statusCode(), ok.body());
        assertEquals(200, browser.get(Console.ROOT + "/cong").statusCode());
        return browser;
    }

    @Test
    @Order(1)
    void theConsoleNeedsAFreshCodeAfterThePassword() {
        Browser browser = browser();
        HttpResponse<String> form = passwordStep(browser);
        String pending = browser.cookies().get(ConsoleCookies.NAME);
        String right = totp.code(SECRET, totp.currentStep() - 1);
        HttpResponse<String> wrong = code(browser, form, right.equals("123456") ? "654321" : "123456");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains(ConsoleLoginController.CODE_REFUSED));

        HttpResponse<String> ok = code(browser, form, right);
        assertEquals(303, ok.statusCode(), ok.body());
        assertTrue(!pending.equals(browser.cookies().get(ConsoleCookies.NAME)), "a new session id after the code");
        assertEquals(200, browser.get(Console.ROOT + "/cong").statusCode());

        Browser replay = browser();
        assertEquals(401, code(replay, passwordStep(replay), right).statusCode(), "a code is accepted once");
        assertTrue(SqlProbe.number(this::jdbc, "SELECT count(*) FROM platform.operator_audit WHERE action = 'ops.login.failed'"
                + " AND details->>'reason' = 'wrong second factor code' AND channel = 'console'") >= 2, "wrong codes are in the audit trail");
    }

    @Test
    @Order(2)
    void theOperatorResetsATenantAdminsSecondFactorFromTheConsoleAndTheApiAudited() {
        Browser console = signedIn(totp.currentStep() + 1);
        HttpResponse<String> page = console.get(Console.ROOT + "/cong/alpha");
        HttpResponse<String> notAdmin = console.postForm(Console.ROOT + "/cong/alpha/dat-lai-hai-buoc",
                Map.of("username", TwoPortals.EDITOR, "csrfToken", StaffForms.csrfToken(page)));
        assertEquals(404, notAdmin.statusCode(), "only a tenant admin's second factor is the operator's to reset");
        HttpResponse<String> reset = console.postForm(Console.ROOT + "/cong/alpha/dat-lai-hai-buoc",
                Map.of("username", "quantri", "csrfToken", StaffForms.csrfToken(page)));
        assertEquals(303, reset.statusCode(), reset.body());
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.accounts WHERE totp_enabled_at IS NOT NULL"));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha.audit_log WHERE action = 'account.mfa_reset'"
                + " AND actor_id IS NULL AND details->>'by_operator' = '" + OperatorConsole.USERNAME + "'"));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM platform.operator_audit WHERE action = 'ops.tenant.mfa-reset'"
                + " AND tenant_code = 'alpha' AND outcome = 'ok' AND channel = 'console'"));
        assertEquals(0, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.audit_log WHERE action = 'account.mfa_reset'"));

        Map<String, String> basic = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (OperatorConsole.USERNAME + ":" + OperatorConsole.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        Browser api = browser();
        assertEquals(200, api.postJson("/api/v1/tenants/beta/admins/quantri/mfa-reset", "{}", basic).statusCode());
        assertEquals(404, api.postJson("/api/v1/tenants/beta/admins/khong-co/mfa-reset", "{}", basic).statusCode());
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM platform.operator_audit WHERE action = 'ops.tenant.mfa-reset'"
                + " AND tenant_code = 'beta' AND outcome = 'ok' AND channel = 'api'"));
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_beta.audit_log WHERE action = 'account.mfa_reset'"));
    }
}
