package vn.cong.ops.backup;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.PasswordHasher;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.DataFolders;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@MicronautTest(transactional = false)
class BackupApiTest extends PlatformTestSupport {

    private static final String PASSWORD = "MatKhauVanHanh2026!";
    private static final Map<String, String> OPERATOR = Map.of("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(("vanhanh:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    JsonMapper json;

    private final DataFolders data = DataFolders.temporary("cong-backup-api-test");

    @Override
    protected Map<String, String> extraProperties() {
        return data.properties("cong.operator.username", "vanhanh", "cong.operator.password-hash", new PasswordHasher().hash(PASSWORD));
    }

    @BeforeAll
    void onboardTenants() {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
    }

    private Browser api() {
        return new Browser(server.getPort(), "admin.most.localhost");
    }

    private Map<String, Object> parse(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private Map<String, Object> poll(String path, Predicate<Map<String, Object>> done) {
        AtomicReference<Map<String, Object>> last = new AtomicReference<>();
        try {
            Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
                HttpResponse<String> response = api().get(path, OPERATOR);
                assertEquals(200, response.statusCode(), response.body());
                last.set(parse(response));
                return done.test(last.get());
            });
        } catch (ConditionTimeoutException e) {
            fail("not done within " + DEADLINE + ": " + last.get());
        }
        return last.get();
    }

    @Test
    void aBackupStartedOverTheApiAnswers202AndBecomesVerified() throws SQLException {
        HttpResponse<String> started = api().postJson("/api/v1/tenants/alpha/backups", "", OPERATOR);
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        Map<String, Object> run = poll(location, r -> "passed".equals(r.get("verificationStatus")));
        assertEquals("succeeded", run.get("status"));
        assertEquals("vanhanh", run.get("requestedBy"));

        HttpResponse<String> list = api().get("/api/v1/tenants/alpha/backups", OPERATOR);
        assertEquals(200, list.statusCode());
        Map<String, Object> body = parse(list);
        assertTrue(((List<?>) body.get("runs")).size() >= 1);
        assertEquals("alpha", body.get("tenant"));
        assertEquals(null, body.get("pgDumpProblem"), "pg_dump works on this machine, so no problem is reported");

        HttpResponse<String> verify = api().postJson(location + "/verify", "", OPERATOR);
        assertEquals(202, verify.statusCode(), verify.body());
        poll(location, r -> r.get("phase") == null && "passed".equals(r.get("verificationStatus")));
        assertAudited("ops.backup.start", "alpha", "api");
        assertAudited("ops.backup.verify", "alpha", "api");
    }

    @Test
    void aRestoreOverTheApiNeedsConfirmationAndCreatesTheNewTenant() throws SQLException {
        HttpResponse<String> started = api().postJson("/api/v1/tenants/beta/backups", "", OPERATOR);
        String location = started.headers().firstValue("Location").orElseThrow();
        Map<String, Object> run = poll(location, r -> r.get("verificationStatus") != null);
        String restorePath = location + "/restore";

        HttpResponse<String> unconfirmed = api().postJson(restorePath, "{\"into\": \"new\", \"newCode\": \"beta_two\", \"abbreviation\": \"betatwo\"}", OPERATOR);
        assertEquals(422, unconfirmed.statusCode(), unconfirmed.body());
        assertTrue(unconfirmed.body().contains("confirm"), unconfirmed.body());
        assertTrue(unconfirmed.body().contains("\"name\""), "a new tenant needs its own name: " + unconfirmed.body());

        HttpResponse<String> accepted = api().postJson(restorePath,
                "{\"into\": \"new\", \"newCode\": \"beta_two\", \"abbreviation\": \"betatwo\", \"confirm\": \"beta_two\", "
                        + "\"name\": \"Viện Beta (bản khôi phục)\"}", OPERATOR);
        assertEquals(202, accepted.statusCode(), accepted.body());
        Map<String, Object> restore = poll(accepted.headers().firstValue("Location").orElseThrow(), r -> !"running".equals(r.get("status")));
        assertEquals("succeeded", restore.get("status"), restore.toString());
        assertEquals(((Number) run.get("id")).longValue(), ((Number) restore.get("backupRunId")).longValue());
        assertEquals(200, new Browser(server.getPort(), "betatwo.most.localhost").get("/").statusCode());
        assertAudited("ops.backup.restore", "beta", "api");
    }

    @Test
    void anotherTenantsBackupIsNotFoundThroughThisTenant() {
        HttpResponse<String> started = api().postJson("/api/v1/tenants/alpha/backups", "", OPERATOR);
        Map<String, Object> run = parse(started);
        long id = ((Number) run.get("id")).longValue();
        assertEquals(404, api().get("/api/v1/tenants/beta/backups/" + id, OPERATOR).statusCode());
        assertEquals(409, api().postJson("/api/v1/tenants/beta/backups/" + id + "/verify", "", OPERATOR).statusCode());
        HttpResponse<String> restore = api().postJson("/api/v1/tenants/beta/backups/" + id + "/restore",
                "{\"into\": \"same\", \"confirm\": \"beta\"}", OPERATOR);
        assertEquals(422, restore.statusCode(), restore.body());
        assertEquals(401, api().postJson("/api/v1/tenants/alpha/backups", "", Map.of()).statusCode(), "no credentials, no backup");
        assertEquals(404, new Browser(server.getPort(), "alpha.most.localhost").postJson("/api/v1/tenants/alpha/backups", "", OPERATOR)
                .statusCode(), "the API exists only on the operator host");
    }

    @Test
    void theAuditLogRefusesUpdatesAndDeletes() throws SQLException {
        api().get("/api/v1/tenants", Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString("vanhanh:sai".getBytes())));
        assertAudited("ops.login.failed", null, "api");
        try (var c = jdbc(); var s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE platform.operator_audit SET actor = 'x'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM platform.operator_audit"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE platform.operator_audit"));
        }
    }

    private void assertAudited(String action, String tenant, String channel) throws SQLException {
        try (var c = jdbc(); var ps = c.prepareStatement("""
                SELECT count(*) FROM platform.operator_audit
                WHERE action = ? AND tenant_code IS NOT DISTINCT FROM ? AND channel = ? AND outcome IN ('ok', 'refused')""")) {
            ps.setString(1, action);
            ps.setString(2, tenant);
            ps.setString(3, channel);
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertTrue(rs.getInt(1) >= 1, "no audit row for " + action + " " + tenant);
            }
        }
    }

}
