package vn.cong.ops.integrity;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.cong.accounts.PasswordHasher;
import vn.cong.onboarding.Onboarding;
import vn.cong.testing.Browser;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TestTenants;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The integrity check on the operator host: started by the operator, read back with its findings. */
@MicronautTest(transactional = false)
class IntegrityApiTest extends PlatformTestSupport {

    private static final String PASSWORD = "MatKhauVanHanh2026!";
    private static final Map<String, String> OPERATOR = Map.of("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(("vanhanh:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));

    @Inject
    EmbeddedServer server;
    @Inject
    Onboarding onboarding;
    @Inject
    JsonMapper json;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("cong.operator.username", "vanhanh", "cong.operator.password-hash", new PasswordHasher().hash(PASSWORD));
    }

    @BeforeAll
    void onboardTenants() throws SQLException {
        TestTenants.onboard(onboarding, "ministry");
        TestTenants.onboard(onboarding, "alpha");
        TestTenants.onboard(onboarding, "beta");
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE t_alpha.content_items SET title = 'Tiêu đề đổi bằng SQL' WHERE slug = 'chuyen-doi-so-2026'");
        }
    }

    private Browser operatorHost() {
        return new Browser(server.getPort(), "admin.most.localhost");
    }

    private Map<String, Object> parse(String body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    @Test
    void operatorRunsACheckAndReadsItsFindings() {
        HttpResponse<String> response = operatorHost().postJson("/api/v1/integrity?wait=true", "{\"tenant\": \"alpha\"}", OPERATOR);

        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> run = parse(response.body());
        assertEquals("findings", run.get("status"));
        assertEquals("vanhanh", run.get("requestedBy"));
        List<?> findings = (List<?>) run.get("findings");
        Map<?, ?> finding = (Map<?, ?>) findings.get(0);
        assertEquals("alpha", finding.get("tenantCode"));
        Map<?, ?> change = (Map<?, ?>) ((List<?>) finding.get("changes")).get(0);
        assertEquals("title", change.get("field"));
        assertEquals("Tiêu đề đổi bằng SQL", change.get("after"));

        String location = response.headers().firstValue("Location").orElseThrow();
        Map<String, Object> stored = parse(operatorHost().get(location, OPERATOR).body());
        assertEquals(run.get("id"), stored.get("id"));
        assertEquals(1, ((List<?>) stored.get("findings")).size(), "recorded with its findings");
    }

    @Test
    void checkOfEveryTenantRunsInTheBackgroundAndIsListed() {
        HttpResponse<String> started = operatorHost().postJson("/api/v1/integrity", "", OPERATOR);
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();

        Map<String, Object> run = awaitFinished(location);
        assertEquals("findings", run.get("status"));
        assertEquals(3, run.get("tenantsChecked"));
        assertTrue(((List<?>) run.get("findings")).stream().allMatch(f -> "alpha".equals(((Map<?, ?>) f).get("tenantCode"))),
                "only alpha was changed: " + run.get("findings"));

        String list = operatorHost().get("/api/v1/integrity/runs", OPERATOR).body();
        assertTrue(list.contains("\"id\":" + run.get("id")), list);
    }

    private Map<String, Object> awaitFinished(String location) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> run = parse(operatorHost().get(location, OPERATOR).body());
            if (!"running".equals(run.get("status"))) {
                return run;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("integrity run did not finish: " + location);
    }

    @Test
    void unknownTenantIsRefusedWithAFieldError() {
        HttpResponse<String> response = operatorHost().postJson("/api/v1/integrity", "{\"tenant\": \"khong-co\"}", OPERATOR);
        assertEquals(422, response.statusCode());
        assertTrue(response.body().contains("\"field\":\"tenant\"") && response.body().contains("không có cổng mã «khong-co»"),
                response.body());
        assertEquals(404, operatorHost().get("/api/v1/integrity/runs/987654", OPERATOR).statusCode());
    }

    @Test
    void onlyTheOperatorOnTheOperatorHostMayRunIt() {
        assertEquals(401, operatorHost().postJson("/api/v1/integrity", "{}", Map.of()).statusCode());
        assertEquals(404, new Browser(server.getPort(), "alpha.most.localhost").postJson("/api/v1/integrity", "{}", OPERATOR).statusCode());
    }
}
