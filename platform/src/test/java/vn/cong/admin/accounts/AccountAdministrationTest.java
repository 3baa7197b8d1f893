package vn.cong.admin.accounts;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.AccountDetails;
import vn.cong.accounts.Role;
import vn.cong.admin.StaffForms;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logIn;
import static vn.cong.admin.StaffForms.logInOk;
import static vn.cong.admin.StaffForms.text;

@MicronautTest(transactional = false)
class AccountAdministrationTest extends PlatformTestSupport {

    static final String ALPHA = "alpha.most.localhost";
    static final String BETA = "beta.most.localhost";
    static final String ADMIN_PASSWORD = "MatKhauAlpha2026!";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    AccountAdministration administration;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.public-port", "80"); // links as published behind a proxy on port 80
    }

    @BeforeAll
    void onboardTenants() {
        TwoPortals portals = TwoPortals.onboard(context); // alpha's editor "bientap" comes with it
        administration.create(portals.beta(), 1, new AccountDetails("chi-o-beta", "x@beta.example.vn", "Người của Beta", "", "", ""),
                Set.of(Role.EDITOR), "MatKhauBeta12345").block();
    }

    private Browser admin() {
        Browser browser = new Browser(server.getPort(), ALPHA);
        logInOk(browser, "quantri", ADMIN_PASSWORD);
        return browser;
    }

    private Browser browser() {
        return new Browser(server.getPort(), ALPHA);
    }

    private static Map<String, String> accountForm(String username, String token, String... more) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("username", username, "fullName", "Lê Thị Cộng Tác",
                "email", username + "@alpha.example.vn", "unit", "Phòng Tổng hợp", "jobTitle", "Chuyên viên",
                "phone", "024 3825 0000", "roles", "contributor", "passwordMode", "password",
                "password", "MatKhauBanDau2026", "csrfToken", token));
        for (int i = 0; i + 1 < more.length; i += 2) {
            form.put(more[i], more[i + 1]);
        }
        return form;
    }

    private long idOf(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        String path = URI.create(location).getPath();
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private List<String> audit(String action, String username) throws SQLException {
        try (var c = jdbc(); var s = c.prepareStatement(
                "SELECT actor_id || ' ' || details::text FROM t_alpha.audit_log WHERE action = ? AND details->>'username' = ? ORDER BY id")) {
            s.setString(1, action);
            s.setString(2, username);
            try (var r = s.executeQuery()) {
                List<String> rows = new java.util.ArrayList<>();
                while (r.next()) {
                    rows.add(r.getString(1));
                }
                return rows;
            }
        }
    }

    private String column(String sql, String username) throws SQLException {
        try (var c = jdbc(); var s = c.prepareStatement(sql)) {
            s.setString(1, username);
            try (var r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    @Test
    void tenantAdminCreatesAnAccountWithAnInitialPasswordAndThePersonCanLogIn() throws SQLException {
        Browser admin = admin();
        HttpResponse<String> form = admin.get("/quan-tri/tai-khoan/moi");
        assertEquals(200, form.statusCode());
        HttpResponse<String> created = admin.postForm("/quan-tri/tai-khoan",
                accountForm("congtac", csrfToken(form), "roles", "contributor"));
        assertEquals(303, created.statusCode(), created.body());
        HttpResponse<String> page = admin.get(URI.create(created.headers().firstValue("Location").orElseThrow()).toString());
        assertEquals(200, page.statusCode());
        assertTrue(text(page).contains("Đã tạo tài khoản."));
        assertTrue(text(admin.get("/quan-tri/tai-khoan")).contains("congtac"));
        assertEquals("{contributor}", column("SELECT roles::text FROM t_alpha.accounts WHERE username = ?", "congtac"));
        assertEquals("Phòng Tổng hợp", column("SELECT unit FROM t_alpha.accounts WHERE username = ?", "congtac"));

        List<String> audit = audit("account.created", "congtac");
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).startsWith("1 "), "the admin (id 1) is the actor: " + audit);
        assertTrue(audit.get(0).contains("\"credential\": \"password\""), audit.get(0));
        assertFalse(audit.get(0).contains("MatKhauBanDau2026"), "no password in the audit log");

        Browser person = browser();
        logInOk(person, "congtac", "MatKhauBanDau2026");
        assertTrue(text(person.get("/quan-tri")).contains("Cộng tác viên"));
    }

    @Test
    void anAccountCanHoldSeveralRolesAndTheEditFormShowsThemChecked() throws SQLException {
        Browser admin = admin();
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        HttpResponse<String> created = StaffForms.postRaw(server.getPort(), ALPHA, admin, "/quan-tri/tai-khoan",
                "username=nhieu-vai-tro&fullName=Ph%E1%BA%A1m+V%C4%83n+Hai&email=hai%40alpha.example.vn&roles=editor"
                        + "&roles=approver&roles=khong-ton-tai&passwordMode=link&csrfToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("{editor,approver}", column("SELECT roles::text FROM t_alpha.accounts WHERE username = ?", "nhieu-vai-tro"));
        assertEquals("Phạm Văn Hai", column("SELECT full_name FROM t_alpha.accounts WHERE username = ?", "nhieu-vai-tro"));
        String id = column("SELECT id::text FROM t_alpha.accounts WHERE username = ?", "nhieu-vai-tro");
        var page = Jsoup.parse(admin.get("/quan-tri/tai-khoan/" + id).body());
        assertTrue(page.selectFirst("#vai-tro-editor").hasAttr("checked"));
        assertTrue(page.selectFirst("#vai-tro-approver").hasAttr("checked"));
        assertFalse(page.selectFirst("#vai-tro-head").hasAttr("checked"));
    }

    @Test
    void invalidOrDuplicateAccountsAreNotCreatedAndTheFormSaysWhy() throws SQLException {
        Browser admin = admin();
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        HttpResponse<String> invalid = admin.postForm("/quan-tri/tai-khoan", accountForm("Có Dấu", token,
                "email", "khong-hop-le", "roles", "superuser", "password", "ngan"));
        assertEquals(400, invalid.statusCode());
        String text = text(invalid);
        assertTrue(text.contains("Tên đăng nhập gồm 2–63 ký tự"), text);
        assertTrue(text.contains("địa chỉ thư điện tử hợp lệ"), text);
        assertTrue(text.contains("Vui lòng chọn ít nhất một vai trò."), text);
        assertTrue(text.contains("Mật khẩu ban đầu phải có ít nhất 12 ký tự."), text);
        assertTrue(invalid.body().contains("value=\"Lê Thị Cộng Tác\""), "what was typed is kept");
        assertFalse(invalid.body().contains("value=\"ngan\""), "a password is never echoed back");

        HttpResponse<String> duplicate = admin.postForm("/quan-tri/tai-khoan", accountForm("quantri", token));
        assertEquals(409, duplicate.statusCode());
        assertTrue(text(duplicate).contains("Tên đăng nhập này đã có trong cổng."));
        assertEquals("Quản trị Cục Alpha", column("SELECT full_name FROM t_alpha.accounts WHERE username = ?", "quantri"));
    }

    @Test
    void theOneTimeLinkIsShownOnceAndSetsThePasswordOnlyOnce() throws SQLException {
        Browser admin = admin();
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        HttpResponse<String> created = admin.postForm("/quan-tri/tai-khoan",
                accountForm("mat-khau-qua-link", token, "passwordMode", "link", "password", ""));
        assertEquals(201, created.statusCode(), created.body());
        String link = Jsoup.parse(created.body()).selectFirst("#lien-ket").attr("value");
        assertTrue(link.startsWith("http://alpha.most.localhost/quan-tri/dat-mat-khau?token="), link);
        assertTrue(text(created).contains("chỉ hiển thị lần này"));
        String linkToken = link.substring(link.indexOf("token=") + 6);
        assertNotNull(column("SELECT set_password_token FROM t_alpha.accounts WHERE username = ?", "mat-khau-qua-link"));
        assertFalse(linkToken.equals(column("SELECT set_password_token FROM t_alpha.accounts WHERE username = ?", "mat-khau-qua-link")),
                "only a digest of the token is stored");

        Browser person = browser();
        HttpResponse<String> page = person.get("/quan-tri/dat-mat-khau?token=" + linkToken);
        assertEquals(200, page.statusCode());
        assertTrue(text(page).contains("mat-khau-qua-link"));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(""));

        HttpResponse<String> tooShort = person.postForm("/quan-tri/dat-mat-khau", Map.of("token", linkToken,
                "password", "ngan", "confirmation", "ngan", "csrfToken", csrfToken(page)));
        assertEquals(400, tooShort.statusCode());
        assertTrue(text(tooShort).contains("Mật khẩu phải có ít nhất 12 ký tự."));
        HttpResponse<String> mismatch = person.postForm("/quan-tri/dat-mat-khau", Map.of("token", linkToken,
                "password", "MatKhauMoi2026!", "confirmation", "MatKhauKhac2026!", "csrfToken", csrfToken(page)));
        assertEquals(400, mismatch.statusCode());
        assertTrue(text(mismatch).contains("Mật khẩu nhập lại không khớp."));

        HttpResponse<String> done = person.postForm("/quan-tri/dat-mat-khau", Map.of("token", linkToken,
                "password", "MatKhauMoi2026!", "confirmation", "MatKhauMoi2026!", "csrfToken", csrfToken(page)));
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(text(done).contains("Mật khẩu của bạn đã được lưu."));
        assertEquals(1, audit("account.password_set", "mat-khau-qua-link").size());

        HttpResponse<String> again = person.postForm("/quan-tri/dat-mat-khau", Map.of("token", linkToken,
                "password", "MatKhauThuHai2026!", "confirmation", "MatKhauThuHai2026!", "csrfToken", csrfToken(page)));
        assertEquals(400, again.statusCode());
        assertTrue(text(again).contains("Liên kết đặt mật khẩu không hợp lệ, đã được dùng hoặc đã hết hạn."));
        assertEquals(400, browser().get("/quan-tri/dat-mat-khau?token=" + linkToken).statusCode());

        logInOk(browser(), "mat-khau-qua-link", "MatKhauMoi2026!");
        assertEquals(401, logIn(browser(), "mat-khau-qua-link", "MatKhauThuHai2026!").statusCode());
    }

    @Test
    void anExpiredLinkDoesNotWork() throws SQLException {
        Browser admin = admin();
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        HttpResponse<String> created = admin.postForm("/quan-tri/tai-khoan",
                accountForm("link-het-han", token, "passwordMode", "link", "password", ""));
        String link = Jsoup.parse(created.body()).selectFirst("#lien-ket").attr("value");
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE t_alpha.accounts SET set_password_expires = now() - interval '1 minute' WHERE username = 'link-het-han'");
        }
        HttpResponse<String> page = browser().get(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery());
        assertEquals(400, page.statusCode());
        assertTrue(text(page).contains("đã hết hạn"));
    }

    @Test
    void tenantAdminEditsDetailsAndRolesAndTheChangeIsAudited() throws SQLException {
        Browser admin = admin();
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        long id = idOf(admin.postForm("/quan-tri/tai-khoan", accountForm("sua-thong-tin", token)));
        HttpResponse<String> edit = admin.get("/quan-tri/tai-khoan/" + id);
        assertEquals(200, edit.statusCode());
        Map<String, String> changes = accountForm("bo-qua", csrfToken(edit), "fullName", "Lê Thị Đã Sửa",
                "jobTitle", "Phó trưởng phòng", "roles", "approver");
        HttpResponse<String> saved = admin.postForm("/quan-tri/tai-khoan/" + id, changes);
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("Lê Thị Đã Sửa", column("SELECT full_name FROM t_alpha.accounts WHERE username = ?", "sua-thong-tin"));
        assertEquals("{approver}", column("SELECT roles::text FROM t_alpha.accounts WHERE username = ?", "sua-thong-tin"));
        assertTrue(text(admin.get("/quan-tri/tai-khoan/" + id + "?thongbao=luu")).contains("Đã lưu thay đổi."));
        List<String> audit = audit("account.updated", "sua-thong-tin");
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).contains("Lê Thị Đã Sửa") && audit.get(0).contains("approver"), audit.get(0));
    }

    @Test
    void newRolesTakeEffectOnTheNextRequestWithoutLoggingInAgain() {
        Browser admin = admin();
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        long id = idOf(admin.postForm("/quan-tri/tai-khoan", accountForm("len-quan-tri", token, "roles", "editor")));
        Browser person = browser();
        logInOk(person, "len-quan-tri", "MatKhauBanDau2026");
        assertEquals(403, person.get("/quan-tri/tai-khoan").statusCode());
        String editToken = csrfToken(admin.get("/quan-tri/tai-khoan/" + id));
        Map<String, String> form = new HashMap<>(accountForm("len-quan-tri", editToken, "roles", "tenant_admin"));
        assertEquals(303, admin.postForm("/quan-tri/tai-khoan/" + id, form).statusCode());
        assertEquals(200, person.get("/quan-tri/tai-khoan").statusCode());
    }

    @Test
    void revokingAnAccountEndsItsLiveSessionAtOnce() throws SQLException {
        Browser admin = admin();
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        long id = idOf(admin.postForm("/quan-tri/tai-khoan", accountForm("nghi-viec", token)));
        Browser person = browser();
        logInOk(person, "nghi-viec", "MatKhauBanDau2026");
        assertEquals(200, person.get("/quan-tri").statusCode());

        HttpResponse<String> revoked = admin.postForm("/quan-tri/tai-khoan/" + id + "/thu-hoi",
                Map.of("csrfToken", csrfToken(admin.get("/quan-tri/tai-khoan/" + id))));
        assertEquals(303, revoked.statusCode(), revoked.body());
        assertEquals("revoked", column("SELECT status FROM t_alpha.accounts WHERE username = ?", "nghi-viec"));

        HttpResponse<String> next = person.get("/quan-tri");
        assertEquals(303, next.statusCode(), "the live session is anonymous now");
        assertEquals("/quan-tri/dang-nhap", next.headers().firstValue("Location").orElse(""));
        assertEquals(401, logIn(browser(), "nghi-viec", "MatKhauBanDau2026").statusCode());
        assertEquals(1, audit("account.revoked", "nghi-viec").size());
        assertTrue(text(admin.get("/quan-tri/tai-khoan")).contains("Đã thu hồi"));
    }

    @Test
    void resettingAPasswordEndsLiveSessionsAndOnlyTheNewPasswordWorks() throws SQLException {
        Browser admin = admin();
        String token = csrfToken(admin.get("/quan-tri/tai-khoan/moi"));
        long id = idOf(admin.postForm("/quan-tri/tai-khoan", accountForm("doi-mat-khau", token)));
        Browser person = browser();
        logInOk(person, "doi-mat-khau", "MatKhauBanDau2026");

        HttpResponse<String> reset = admin.postForm("/quan-tri/tai-khoan/" + id + "/mat-khau", Map.of(
                "passwordMode", "password", "password", "MatKhauDatLai2026", "csrfToken", csrfToken(admin.get("/quan-tri/tai-khoan/" + id))));
        assertEquals(303, reset.statusCode(), reset.body());
        assertEquals(303, person.get("/quan-tri").statusCode());
        assertEquals(401, logIn(browser(), "doi-mat-khau", "MatKhauBanDau2026").statusCode());
        logInOk(browser(), "doi-mat-khau", "MatKhauDatLai2026");
        assertEquals(1, audit("account.password_reset", "doi-mat-khau").size());

        HttpResponse<String> link = admin.postForm("/quan-tri/tai-khoan/" + id + "/mat-khau", Map.of(
                "passwordMode", "link", "csrfToken", csrfToken(admin.get("/quan-tri/tai-khoan/" + id))));
        assertEquals(200, link.statusCode());
        assertTrue(Jsoup.parse(link.body()).selectFirst("#lien-ket").attr("value").contains("/quan-tri/dat-mat-khau?token="));
        assertEquals(401, logIn(browser(), "doi-mat-khau", "MatKhauDatLai2026").statusCode(), "a link replaces the password");
    }

    @Test
    void anAdminCannotRevokeThemselves() throws SQLException {
        Browser admin = admin();
        HttpResponse<String> own = admin.get("/quan-tri/tai-khoan/1");
        HttpResponse<String> answer = admin.postForm("/quan-tri/tai-khoan/1/thu-hoi", Map.of("csrfToken", csrfToken(own)));
        assertEquals(409, answer.statusCode());
        assertTrue(text(answer).contains("Bạn không thể tự thu hồi tài khoản của chính mình."));
        assertEquals("active", column("SELECT status FROM t_alpha.accounts WHERE username = ?", "quantri"));
    }

    @Test
    void someoneWithoutTheTenantAdminRoleGetsForbidden() throws SQLException {
        Browser editor = browser();
        logInOk(editor, TwoPortals.EDITOR, TwoPortals.ALPHA_EDITOR_PASSWORD);
        HttpResponse<String> list = editor.get("/quan-tri/tai-khoan");
        assertEquals(403, list.statusCode());
        assertTrue(text(list).contains("không có quyền"));
        String token = csrfToken(editor.get("/quan-tri"));
        HttpResponse<String> create = editor.postForm("/quan-tri/tai-khoan", accountForm("tu-cap-quyen", token, "roles", "tenant_admin"));
        assertEquals(403, create.statusCode());
        assertEquals(null, column("SELECT id::text FROM t_alpha.accounts WHERE username = ?", "tu-cap-quyen"));
        assertFalse(text(editor.get("/quan-tri")).contains("Quản lý tài khoản"), "no link to a page they cannot open");
    }

    @Test
    void anAdminSeesAndChangesOnlyTheirOwnTenantsAccounts() throws SQLException {
        Browser admin = admin();
        String list = text(admin.get("/quan-tri/tai-khoan"));
        assertTrue(list.contains("bientap"));
        assertFalse(list.contains("chi-o-beta"));
        assertEquals(401, logIn(new Browser(server.getPort(), ALPHA), "chi-o-beta", "MatKhauBeta12345").statusCode());
        // beta's account id means alpha's row (or nothing) on alpha's host
        long betaId = Long.parseLong(column("SELECT id::text FROM t_beta.accounts WHERE username = ?", "chi-o-beta"));
        HttpResponse<String> probe = admin.get("/quan-tri/tai-khoan/" + betaId);
        assertFalse(text(probe).contains("chi-o-beta"));
        Browser onBeta = admin.at(BETA);
        assertEquals(303, onBeta.get("/quan-tri/tai-khoan").statusCode(), "alpha's admin is nobody on beta");
    }
}
