package vn.cong.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.AccountAdministration;
import vn.cong.accounts.Role;
import vn.cong.tenancy.Tenant;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.SqlProbe;
import vn.cong.testing.TwoPortals;
import vn.cong.workflow.RegulationPreset;
import vn.cong.workflow.RegulationProfiles;
import vn.cong.workflow.Staff;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deadlines over the API (issue 12, item 3): an item's every deadline, and a preview that computes them
 * for a kind and times under the tenant's profile without creating or changing anything.
 */
@MicronautTest(transactional = false)
class DeadlinesApiTest extends PlatformTestSupport {

    private static final String ALPHA = "alpha.most.localhost";
    private static final String BETA = "beta.most.localhost";

    @Inject EmbeddedServer server;
    @Inject ApplicationContext context;
    @Inject AccountAdministration accounts;
    @Inject ApiTokens tokens;
    @Inject RegulationProfiles profiles;

    private String alphaToken;
    private String betaToken;

    @BeforeAll
    void setUp() {
        TwoPortals portals = TwoPortals.onboard(context);
        Tenant alpha = portals.alpha();
        Tenant beta = portals.beta();
        profiles.choose(alpha, RegulationPreset.HAI_PHONG, null).block();
        alphaToken = tokens.issue(alpha, Staff.create(accounts, alpha).get(Role.CONTRIBUTOR).id(), "Quản lý văn bản", 1).block().token();
        betaToken = tokens.issue(beta, Staff.create(accounts, beta).get(Role.CONTRIBUTOR).id(), "Quản lý văn bản", 1).block().token();
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
    }

    private HttpResponse<String> preview(String host, String token, String json) {
        return new Browser(server.getPort(), host).postJson("/api/v1/deadlines/preview", json, bearer(token));
    }

    private long count(String table) {
        return SqlProbe.number(this::jdbc, "SELECT count(*) FROM t_alpha." + table);
    }

    @Test
    void thePreviewGivesEveryDeadlineUnderTheTenantsProfileAndChangesNothing() {
        List<String> tables = List.of("content_items", "workflow_runs", "content_events", "audit_log", "notifications");
        List<Long> before = tables.stream().map(this::count).toList();

        // Hải Phòng: event news within one working day; an event ending Friday 09:00 is due Monday 09:00
        var event = preview(ALPHA, alphaToken, """
                {"kind": "article", "receivedAt": "2026-11-20T10:00:00+07:00", "eventAt": "2026-11-20T09:00:00+07:00"}""");
        assertEquals(200, event.statusCode(), event.body());
        assertTrue(event.body().contains("\"deadlineRules\":\"hai-phong\"") && event.body().contains("\"days\":\"working\""), event.body());
        assertEquals(List.of("2026-11-23T09:00"), dues(event.body()), event.body());

        // a document stamped at exactly 12:00 (after noon, the preset's reading): before 12:00 the next working day
        var document = preview(ALPHA, alphaToken, """
                {"kind": "document", "receivedAt": "2026-11-18T12:05:00+07:00", "eventAt": "2026-11-18T12:00:00+07:00"}""");
        assertEquals(List.of("2026-11-19T12:00"), dues(document.body()), document.body());

        // MOST (beta): an event item has two deadlines, the unit's (12 h after the event) and the board's (12 h after receipt)
        var most = preview(BETA, betaToken, """
                {"kind": "article", "receivedAt": "2026-11-18T10:00:00+07:00", "eventAt": "2026-11-18T08:00:00+07:00"}""");
        assertEquals(List.of("2026-11-18T20:00", "2026-11-18T22:00"), dues(most.body()), most.body());
        assertTrue(most.body().contains("\"binding\":\"2026-11-18T22:00"), "the board tracks the editing deadline: " + most.body());

        assertEquals(before, tables.stream().map(this::count).toList(), "a preview writes nothing");
    }

    @Test
    void thePreviewNeedsAKindAndTheReceiptTimeAndATokenOfTheTenant() {
        var missing = preview(ALPHA, alphaToken, "{\"kind\": \"article\"}");
        assertEquals(400, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("receivedAt"), missing.body());
        assertEquals(401, preview(ALPHA, betaToken, "{\"kind\": \"article\", \"receivedAt\": \"2026-11-18T10:00:00+07:00\"}").statusCode());
        assertEquals(404, new Browser(server.getPort(), "admin.most.localhost").postJson("/api/v1/deadlines/preview",
                "{}", bearer(alphaToken)).statusCode());
    }

    private static final Pattern DUE = Pattern.compile("\"due\":\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})");

    private static List<String> dues(String body) {
        Matcher m = DUE.matcher(body);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
