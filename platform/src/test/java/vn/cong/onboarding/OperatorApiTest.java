package vn.cong.onboarding;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.PasswordHasher;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OperatorApiTest extends PlatformTestSupport {

    private static final String PASSWORD = "MatKhauVanHanh2026!";
    private static final String OPERATOR_HOST = "admin.most.localhost";

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    JsonMapper json;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.operator.username", "vanhanh",
                "cong.operator.password-hash", new PasswordHasher().hash(PASSWORD));
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static final Map<String, String> OPERATOR = basic("vanhanh", PASSWORD);

    private Browser operator() {
        return new Browser(server.getPort(), OPERATOR_HOST);
    }

    private HttpResponse<String> post(String path, String body) {
        return operator().postJson(path, body, OPERATOR);
    }

    private Map<String, Object> parse(String body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String manifest(String code, String nameVi) {
        return """
                {"code": "%1$s", "name": {"vi": "%2$s", "en": "Unit %1$s"}, "abbreviation": "%1$s", "parent": "bo",
                 "sections": [{"slug": "tin-tuc", "name": {"vi": "Tin tức", "en": "News"}}],
                 "admin": {"username": "quantri", "email": "quantri@%1$s.example.vn", "password": "MatKhau%1$s2026!"},
                 "articles": [{"slug": "ra-mat", "section": "tin-tuc", "language": "vi", "featured": true,
                               "title": "%2$s ra mắt cổng", "summary": "Tóm tắt", "body": "<p>Nội dung</p>",
                               "source": null, "publishedAt": "2026-11-20T08:00:00+07:00"}]}
                """.formatted(code, nameVi);
    }

    @Test
    void withoutCredentialsAnswersUnauthorizedWithBasicChallenge() {
        var response = operator().get("/api/v1/tenants");
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "));
        assertEquals(401, operator().postJson("/api/v1/tenants", manifest("zeta", "Cục Zeta"), Map.of()).statusCode());
    }

    @Test
    void wrongPasswordOrWrongUsernameGetTheSameUnauthorizedAnswer() {
        var wrongPassword = operator().get("/api/v1/tenants", basic("vanhanh", "sai-mat-khau-roi"));
        var wrongUser = operator().get("/api/v1/tenants", basic("khongphai", PASSWORD));
        var garbage = operator().get("/api/v1/tenants", Map.of("Authorization", "Basic !!!"));
        for (var response : List.of(wrongPassword, wrongUser, garbage)) {
            assertEquals(401, response.statusCode());
            assertTrue(response.headers().firstValue("WWW-Authenticate").isPresent());
        }
        assertEquals(wrongPassword.body(), wrongUser.body(), "the answer must not tell which part was wrong");
    }

    @Test
    void operatorApiDoesNotExistOnTenantHosts() {
        for (String host : List.of("alpha.most.localhost", "www.most.localhost", "status.most.localhost")) {
            var browser = new Browser(server.getPort(), host);
            assertEquals(404, browser.get("/api/v1/tenants", OPERATOR).statusCode(), host);
            assertEquals(404, browser.postJson("/api/v1/tenants", manifest("eta", "Cục Eta"), OPERATOR).statusCode(), host);
            assertEquals(404, browser.get("/api/v1/tenants/alpha").statusCode(), host);
        }
        assertEquals(404, new Browser(server.getPort(), "127.0.0.1").get("/api/v1/tenants", OPERATOR).statusCode());
    }

    @Test
    void invalidManifestAnswersUnprocessableListingEveryFieldError() {
        var response = post("/api/v1/tenants", """
                {"code": "X", "name": {"vi": "Thiếu tiếng Anh"}, "abbreviation": "alpha", "parent": "khongco",
                 "aliases": ["www.alpha-cuc.vn"], "admin": {"username": "quantri", "email": "sai"}, "mau": 1}""");
        assertEquals(422, response.statusCode(), response.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) parse(response.body()).get("errors");
        List<Object> fields = errors.stream().map(e -> e.get("field")).toList();
        for (String expected : List.of("code", "name.en", "admin.email", "mau", "parent", "abbreviation", "aliases")) {
            assertTrue(fields.contains(expected), expected + " missing in " + response.body());
        }
        errors.forEach(e -> assertFalse(String.valueOf(e.get("message")).isBlank()));
        assertEquals(404, new Browser(server.getPort(), "x.most.localhost").get("/").statusCode());
    }

    @Test
    void malformedJsonIsABadRequest() {
        var response = post("/api/v1/tenants", "{\"code\": ");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("errors"));
    }

    @Test
    void newTenantIsCreatedThenServedOnItsHostAtOnceAndAppliedAgainWithoutChanges() {
        var created = post("/api/v1/tenants", manifest("theta", "Cục Theta"));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("/api/v1/tenants/theta", created.headers().firstValue("Location").orElse(""));
        Map<String, Object> report = parse(created.body());
        assertEquals(true, report.get("created"));
        assertEquals("ok", report.get("migrationStatus"));

        var home = new Browser(server.getPort(), "theta.most.localhost").get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Cục Theta"), home.body());

        var again = post("/api/v1/tenants", manifest("theta", "Cục Theta"));
        assertEquals(200, again.statusCode(), again.body());
        Map<String, Object> second = parse(again.body());
        assertEquals(false, second.get("created"));
        assertEquals(List.of(), second.get("updated"));
        assertEquals(0, ((Number) second.get("sectionsChanged")).intValue());
        assertEquals(0, ((Number) second.get("articlesAdded")).intValue());
        assertEquals(false, second.get("adminCreated"));

        var renamed = post("/api/v1/tenants", manifest("theta", "Cục Theta mới"));
        assertEquals(200, renamed.statusCode());
        assertEquals(List.of("name.vi"), parse(renamed.body()).get("updated"));
        assertTrue(new Browser(server.getPort(), "theta.most.localhost").get("/").body().contains("Cục Theta mới"));
    }

    @Test
    void operatorListsTenantsWithHostsStatusAndMigrationState() {
        var response = operator().get("/api/v1/tenants", OPERATOR);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"code\":\"alpha\""), response.body());
        var alpha = operator().get("/api/v1/tenants/alpha", OPERATOR);
        assertEquals(200, alpha.statusCode());
        @SuppressWarnings("unchecked")
        Map<String, Object> tenant = (Map<String, Object>) parse(alpha.body()).get("tenant");
        assertEquals(List.of("alpha.most.localhost", "www.alpha-cuc.vn"), tenant.get("hosts"));
        assertEquals("active", tenant.get("status"));
        assertEquals("ok", tenant.get("migrationStatus"));
        assertEquals("bo", tenant.get("parent"));
        assertEquals(404, operator().get("/api/v1/tenants/khongco", OPERATOR).statusCode());
    }

    @Test
    void suspendingShowsTheNoticeOnThePortalAndReactivatingRestoresIt() {
        assertEquals(201, post("/api/v1/tenants", manifest("iota", "Cục Iota")).statusCode());
        var portal = new Browser(server.getPort(), "iota.most.localhost");

        var suspended = post("/api/v1/tenants/iota/status", """
                {"status": "suspended", "notice": "Cổng tạm dừng để hợp nhất vào cổng của Bộ."}""");
        assertEquals(200, suspended.statusCode(), suspended.body());
        var page = portal.get("/");
        assertEquals(503, page.statusCode());
        assertTrue(page.body().contains("Cổng tạm dừng để hợp nhất vào cổng của Bộ."));
        assertEquals(200, new Browser(server.getPort(), "alpha.most.localhost").get("/").statusCode(), "others keep serving");

        assertEquals(200, post("/api/v1/tenants/iota/status", "{\"status\": \"active\"}").statusCode());
        assertEquals(200, portal.get("/").statusCode());

        var history = parse(operator().get("/api/v1/tenants/iota", OPERATOR).body()).get("statusHistory");
        assertEquals(2, ((List<?>) history).size(), String.valueOf(history));
        assertTrue(String.valueOf(history).contains("vanhanh"), "the operator is recorded: " + history);
    }

    @Test
    void archivedTenantCannotComeBackAndBadStatusesAreRefused() {
        assertEquals(201, post("/api/v1/tenants", manifest("kappa", "Cục Kappa")).statusCode());
        assertEquals(200, post("/api/v1/tenants/kappa/status", "{\"status\": \"archived\"}").statusCode());
        assertEquals(503, new Browser(server.getPort(), "kappa.most.localhost").get("/").statusCode());

        var back = post("/api/v1/tenants/kappa/status", "{\"status\": \"active\"}");
        assertEquals(409, back.statusCode(), back.body());
        assertTrue(back.body().contains("archived"));
        assertEquals(422, post("/api/v1/tenants/alpha/status", "{\"status\": \"deleted\"}").statusCode());
        assertEquals(404, post("/api/v1/tenants/khongco/status", "{\"status\": \"suspended\"}").statusCode());
        assertEquals(200, new Browser(server.getPort(), "alpha.most.localhost").get("/").statusCode());
    }

    @Test
    void theOperatorChoosesATenantsRegulationPresetAndAnUnknownOneIsRefused() {
        HttpResponse<String> chosen = post("/api/v1/tenants/alpha/profile", "{\"preset\": \"binhdinh\"}");
        assertEquals(200, chosen.statusCode(), chosen.body());
        assertEquals(Boolean.TRUE, parse(chosen.body()).get("changed"));
        assertEquals("binhdinh", SqlProbe.string(this::jdbc, "SELECT preset FROM t_alpha.regulation_profile"));
        assertEquals("binhdinh", SqlProbe.string(this::jdbc, "SELECT policy_code FROM t_alpha.workflow_settings"));
        assertEquals("most", SqlProbe.string(this::jdbc, "SELECT preset FROM t_bo.regulation_profile"), "another tenant is untouched");
        assertEquals(1, SqlProbe.number(this::jdbc, "SELECT count(*) FROM platform.operator_audit WHERE action = 'ops.tenant.profile'"));
        HttpResponse<String> unknown = post("/api/v1/tenants/alpha/profile", "{\"preset\": \"hanoi\"}");
        assertEquals(422, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("haiphong"), unknown.body());
        assertEquals(404, post("/api/v1/tenants/nobody/profile", "{\"preset\": \"moha\"}").statusCode());
    }
}
