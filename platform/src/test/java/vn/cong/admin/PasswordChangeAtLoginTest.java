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
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
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
 * Passwords of at least 12 characters and not in the shipped list of common ones (issue 16); an account
 * whose existing password breaks those rules changes it right after login, before anything else.
 */
@MicronautTest(transactional = false)
class PasswordChangeAtLoginTest extends PlatformTestSupport {

    static final String ALPHA = "alpha.most.localhost";
    static final String CHANGE = "/quan-tri/doi-mat-khau";

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
        // accounts from before the rules: created behind the forms' back
        create("alpha", "ngan-cu", "MatKhau2026");
        create("alpha", "pho-bien", "1qaz2wsx3edc");
        create("beta", "ngan-cu", "MatKhauBeta2026!");
    }

    private void create(String tenant, String username, String password) {
        administration.create(tenant(tenant), 1, new AccountDetails(username, username + "@example.vn", "Tài khoản cũ", "", "", ""),
                Set.of(Role.EDITOR), password).block();
    }

    private Tenant tenant(String code) {
        return registry.findByCode(code).orElseThrow();
    }

    private Browser browser(String host) {
        return new Browser(server.getPort(), host);
    }

    private static String location(HttpResponse<String> answer) {
        return URLDecoder.decode(answer.headers().firstValue("Location").orElse(""), StandardCharsets.UTF_8);
    }

    private boolean mustChange(String schema, String username) throws SQLException {
        try (var c = jdbc(); var s = c.prepareStatement("SELECT must_change_password FROM " + schema + ".accounts WHERE username = ?")) {
            s.setString(1, username);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private HttpResponse<String> change(Browser browser, String current, String password, String confirmation) {
        HttpResponse<String> page = browser.get(CHANGE);
        return browser.postForm(CHANGE, Map.of("current", current, "password", password, "confirmation", confirmation,
                "tiep", "/quan-tri", "csrfToken", csrfToken(page)));
    }

    @Test
    void aShortPasswordMustBeChangedBeforeAnythingElse() throws SQLException {
        Browser browser = browser(ALPHA);
        HttpResponse<String> login = logIn(browser, "ngan-cu", "MatKhau2026");
        assertEquals(303, login.statusCode(), text(login));
        assertEquals(CHANGE + "?tiep=/quan-tri", location(login));
        assertTrue(mustChange("t_alpha", "ngan-cu"));

        HttpResponse<String> elsewhere = browser.get("/quan-tri/bai-viet");
        assertEquals(303, elsewhere.statusCode(), "no other staff page until the password is changed");
        assertEquals(CHANGE + "?tiep=/quan-tri/bai-viet", location(elsewhere));
        HttpResponse<String> page = browser.get(CHANGE);
        assertEquals(200, page.statusCode());
        assertTrue(text(page).contains(ChangePasswordController.DUE), text(page));

        HttpResponse<String> common = change(browser, "MatKhau2026", "qwerty123456", "qwerty123456");
        assertEquals(400, common.statusCode());
        assertTrue(text(common).contains("Mật khẩu này nằm trong danh sách mật khẩu phổ biến"), text(common));
        HttpResponse<String> tooShort = change(browser, "MatKhau2026", "Ngan2026!", "Ngan2026!");
        assertEquals(400, tooShort.statusCode());
        assertTrue(text(tooShort).contains("Mật khẩu mới phải có ít nhất 12 ký tự."));
        HttpResponse<String> wrongCurrent = change(browser, "KhongPhai2026", "CayBangLaDo2026", "CayBangLaDo2026");
        assertEquals(400, wrongCurrent.statusCode());
        assertTrue(text(wrongCurrent).contains("Mật khẩu hiện tại không đúng."));
        HttpResponse<String> mismatch = change(browser, "MatKhau2026", "CayBangLaDo2026", "CayBangLaXanh2026");
        assertEquals(400, mismatch.statusCode());
        assertTrue(text(mismatch).contains("Mật khẩu nhập lại không khớp."));
        assertFalse(mismatch.body().contains("CayBangLaDo2026"), "a password is never echoed back");

        HttpResponse<String> done = change(browser, "MatKhau2026", "CayBangLaDo2026", "CayBangLaDo2026");
        assertEquals(303, done.statusCode(), text(done));
        assertEquals("/quan-tri", location(done));
        assertEquals(200, browser.get("/quan-tri").statusCode(), "the same browser goes on, signed in");
        assertFalse(mustChange("t_alpha", "ngan-cu"));

        assertEquals(401, logIn(browser(ALPHA), "ngan-cu", "MatKhau2026").statusCode(), "the old password is gone");
        logInOk(browser(ALPHA), "ngan-cu", "CayBangLaDo2026");
    }

    @Test
    void aCommonPasswordOfTwelveCharactersMustBeChangedToo() {
        HttpResponse<String> login = logIn(browser(ALPHA), "pho-bien", "1qaz2wsx3edc");
        assertEquals(303, login.statusCode());
        assertTrue(location(login).startsWith(CHANGE), location(login));
    }

    @Test
    void theSameUsernameOnAnotherTenantIsNotAffected() throws SQLException {
        logInOk(browser("beta.most.localhost"), "ngan-cu", "MatKhauBeta2026!");
        assertFalse(mustChange("t_beta", "ngan-cu"));
    }

    @Test
    void aSetPasswordLinkRefusesACommonPassword() {
        String token = administration.create(tenant("alpha"), 1, new AccountDetails("qua-lien-ket", "ql@example.vn", "Qua liên kết", "", "", ""),
                Set.of(Role.EDITOR), null).block().setPasswordToken();
        Browser person = browser(ALPHA);
        HttpResponse<String> page = person.get("/quan-tri/dat-mat-khau?token=" + token);
        HttpResponse<String> common = person.postForm("/quan-tri/dat-mat-khau", Map.of("token", token,
                "password", "QWERTY123456", "confirmation", "QWERTY123456", "csrfToken", csrfToken(page)));
        assertEquals(400, common.statusCode());
        assertTrue(text(common).contains("danh sách mật khẩu phổ biến"), text(common));
    }
}
