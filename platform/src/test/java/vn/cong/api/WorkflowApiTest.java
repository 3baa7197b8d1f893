package vn.cong.api;

import vn.cong.testing.TwoPortals;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.onboarding.Onboarding;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TestTenants;
import vn.cong.workflow.Staff;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.cong.admin.StaffForms.csrfToken;
import static vn.cong.admin.StaffForms.logInOk;

/** The workflow as JSON under /api/v1 on tenant hosts, with per-account Bearer tokens and the UI's permissions. */
@MicronautTest(transactional = false)
class WorkflowApiTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";
    private static final String BETA = "beta.most.localhost";
    private static final Pattern NUMBER = Pattern.compile("\"(id|version)\":(\\d+)");

    @Inject EmbeddedServer server;

    @Inject

    ApplicationContext context;
    @Inject Onboarding onboarding;
    @Inject TenantRegistry registry;
    @Inject AccountAdministration accounts;
    @Inject ApiTokens tokens;

    private Tenant alpha;
    private Staff staff;
    private String contributorToken;
    private long section;

    private TwoPortals portals;

    @BeforeAll
    void setUp() {
        portals = TwoPortals.onboard(context);
        alpha = registry.findByCode("alpha").orElseThrow();
        staff = Staff.create(accounts, alpha);
        contributorToken = tokens.issue(alpha, staff.get(Role.CONTRIBUTOR).id(), "Quản lý văn bản", 1).block().token();
        section = SqlProbe.number(this::jdbc, "SELECT id FROM t_alpha.sections WHERE slug = 'tin-hoat-dong'");
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
    }

    private static long field(HttpResponse<String> r, String name) {
        Matcher m = NUMBER.matcher(r.body());
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return Long.parseLong(m.group(2));
            }
        }
        throw new AssertionError("no " + name + " in " + r.body());
    }

    /** The tenant admin issues a token through the staff UI; it is shown once. */
    private String issuedInTheUi(Role role) {
        Browser admin = new Browser(server.getPort(), ALPHA);
        logInOk(admin, "quantri", "MatKhauAlpha2026!");
        HttpResponse<String> page = admin.get("/quan-tri/ma-api");
        assertEquals(200, page.statusCode(), page.body());
        HttpResponse<String> issued = admin.postForm("/quan-tri/ma-api", Map.of("csrfToken", csrfToken(page),
                "accountId", String.valueOf(staff.get(role).id()), "name", "Hệ thống văn bản"));
        assertEquals(200, issued.statusCode(), issued.body());
        return Jsoup.parse(issued.body()).selectFirst("code.new-token").text();
    }

    @Test
    void aDocumentSystemPushesAnItemAndTheBoardTakesItThroughToPublication() {
        Browser api = new Browser(server.getPort(), ALPHA);
        HttpResponse<String> created = api.postJson("/api/v1/items", """
                {"sectionId": %d, "title": "Thông báo từ hệ thống văn bản", "summary": "Tóm tắt", "body": "<p>Nội dung</p>"}"""
                .formatted(section), bearer(contributorToken));
        assertEquals(201, created.statusCode(), created.body());
        long id = field(created, "id");
        HttpResponse<String> submitted = api.postJson("/api/v1/items/" + id + "/submit",
                "{\"version\": %d, \"sensitivity\": \"routine\"}".formatted(field(created, "version")), bearer(contributorToken));
        assertEquals(200, submitted.statusCode(), submitted.body());
        assertTrue(submitted.body().contains("\"state\":\"submitted\""), submitted.body());
        assertEquals("Phòng contributor", SqlProbe.string(this::jdbc, "SELECT submitter_unit FROM t_alpha.workflow_runs WHERE item_id = " + id),
                "the sender's particulars come from the token's account");

        String editorToken = issuedInTheUi(Role.EDITOR);
        HttpResponse<String> queue = api.get("/api/v1/queue", bearer(editorToken));
        assertEquals(200, queue.statusCode(), queue.body());
        assertTrue(queue.body().contains("Thông báo từ hệ thống văn bản"), queue.body());

        HttpResponse<String> refused = api.postJson("/api/v1/items/" + id + "/steps/take",
                "{\"version\": %d}".formatted(field(submitted, "version")), bearer(contributorToken));
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("không có quyền nhận biên tập"), refused.body());

        HttpResponse<String> taken = api.postJson("/api/v1/items/" + id + "/steps/take",
                "{\"version\": %d}".formatted(field(submitted, "version")), bearer(editorToken));
        assertEquals(200, taken.statusCode(), taken.body());
        HttpResponse<String> stale = api.postJson("/api/v1/items/" + id + "/steps/send",
                "{\"version\": %d}".formatted(field(submitted, "version")), bearer(editorToken));
        assertEquals(409, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains("\"currentVersion\":" + field(taken, "version")), stale.body());
        HttpResponse<String> sent = api.postJson("/api/v1/items/" + id + "/steps/send",
                "{\"version\": %d}".formatted(field(taken, "version")), bearer(editorToken));
        HttpResponse<String> published = api.postJson("/api/v1/items/" + id + "/steps/publish",
                "{\"version\": %d}".formatted(field(sent, "version")), bearer(editorToken));
        assertEquals(200, published.statusCode(), published.body());
        assertTrue(published.body().contains("\"state\":\"published\""), published.body());

        HttpResponse<String> item = api.get("/api/v1/items/" + id, bearer(contributorToken));
        assertEquals(200, item.statusCode());
        assertTrue(item.body().contains("Nhận biên tập") && item.body().contains("Đăng lên cổng"), item.body());
    }

    @Test
    void invalidInputIsAFieldErrorAndUnknownItemsAreNotFound() {
        Browser api = new Browser(server.getPort(), ALPHA);
        HttpResponse<String> bad = api.postJson("/api/v1/items", "{\"title\": \"\"}", bearer(contributorToken));
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("\"field\":\"title\""), bad.body());
        assertEquals(404, api.get("/api/v1/items/999999", bearer(contributorToken)).statusCode());
    }

    @Test
    void tokensWorkOnlyOnTheirOwnTenantsHostsAndStopWhenRevoked() {
        Browser api = new Browser(server.getPort(), ALPHA);
        assertEquals(401, api.get("/api/v1/queue", Map.of()).statusCode(), "no token");
        assertEquals(401, api.get("/api/v1/queue", bearer("cong_khong-hop-le")).statusCode());
        assertEquals(401, new Browser(server.getPort(), BETA).get("/api/v1/queue", bearer(contributorToken)).statusCode(),
                "alpha's token means nothing on beta's host");
        long betaItem = SqlProbe.number(this::jdbc, "SELECT id FROM t_beta.content_items ORDER BY id LIMIT 1");
        assertEquals(401, new Browser(server.getPort(), BETA).get("/api/v1/items/" + betaItem, bearer(contributorToken)).statusCode());
        assertEquals(404, new Browser(server.getPort(), "admin.most.localhost").get("/api/v1/items/1", bearer(contributorToken)).statusCode(),
                "not on the operator host");

        var issued = tokens.issue(alpha, staff.get(Role.EDITOR).id(), "Tạm thời", 1).block();
        assertEquals(200, api.get("/api/v1/queue", bearer(issued.token())).statusCode());
        tokens.revoke(alpha, issued.id()).block();
        assertEquals(401, api.get("/api/v1/queue", bearer(issued.token())).statusCode());
    }
}
