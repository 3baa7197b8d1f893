package vn.cong.console;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cong.admin.StaffForms;
import vn.cong.media.MediaStore;
import vn.cong.media.UploadRefused;
import vn.cong.tenancy.Tenant;
import vn.cong.tenancy.TenantRegistry;
import vn.cong.testing.Browser;
import vn.cong.testing.MutableClock;
import vn.cong.testing.PlatformTestSupport;
import vn.cong.testing.TwoPortals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Noisy neighbours: the operator sets a tenant's request and storage limits (API and console); the tenant is held
 * to them (429 with Retry-After, uploads refused with what is used) while pages from the cache keep being served,
 * and the other tenants are untouched.
 */
@MicronautTest(transactional = false)
class TenantLimitsTest extends PlatformTestSupport {

    /** Ten seconds into a minute, so a test's requests all fall in one counting window until it moves the clock. */
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(10));

    @Inject
    EmbeddedServer server;
    @Inject
    TenantRegistry registry;
    @Inject
    MediaStore media;

    TwoPortals portals;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return new HashMap<>(OperatorConsole.operatorProperties());
    }

    @BeforeAll
    void onboard() {
        portals = TwoPortals.onboard(applicationContext());
    }

    @BeforeEach
    void freshMinute() {
        clock.advance(Duration.ofMinutes(1));
    }

    private io.micronaut.context.ApplicationContext applicationContext() {
        return server.getApplicationContext();
    }

    private static final Map<String, String> OPERATOR = Map.of("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((OperatorConsole.USERNAME + ":" + OperatorConsole.PASSWORD).getBytes(StandardCharsets.UTF_8)));

    private HttpResponse<String> setLimits(String code, String json) {
        return new Browser(server.getPort(), OperatorConsole.HOST).postJson("/api/v1/tenants/" + code + "/limits", json, OPERATOR);
    }

    private Browser reader(String host) {
        return new Browser(server.getPort(), host);
    }

    @Test
    void operatorSetsLimitsThroughTheApiAndOnlyThatTenantHasThem() {
        HttpResponse<String> set = setLimits("alpha", "{\"requestsPerMinute\": 120, \"mediaBytes\": 5242880}");
        assertEquals(200, set.statusCode(), set.body());
        assertTrue(set.body().contains("\"applied\":{\"requestsPerMinute\":120,\"mediaBytes\":5242880}"), set.body());
        assertEquals(120, registry.findByCode("alpha").orElseThrow().limits().requestsPerMinute());
        assertNull(registry.findByCode("beta").orElseThrow().limits().requestsPerMinute(), "beta keeps the platform default");
        HttpResponse<String> beta = new Browser(server.getPort(), OperatorConsole.HOST).get("/api/v1/tenants/beta/limits", OPERATOR);
        assertTrue(beta.body().contains("\"own\":{}") || beta.body().contains("\"own\":{\"requestsPerMinute\":null"), beta.body());
        try (var c = jdbc(); var rs = c.createStatement().executeQuery(
                "SELECT tenant_code, details::text FROM platform.operator_audit WHERE action = 'ops.tenant.limits' ORDER BY id DESC LIMIT 1")) {
            assertTrue(rs.next());
            assertEquals("alpha", rs.getString(1));
            assertTrue(rs.getString(2).contains("120"), rs.getString(2));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertEquals(200, setLimits("alpha", "{\"requestsPerMinute\": null, \"mediaBytes\": null}").statusCode());
        assertNull(registry.findByCode("alpha").orElseThrow().limits().mediaBytes(), "null goes back to the default");
    }

    @Test
    void limitsOutsideTheirBoundsAreRefusedWithTheFieldNamed() {
        HttpResponse<String> tooLow = setLimits("alpha", "{\"requestsPerMinute\": 5}");
        assertEquals(422, tooLow.statusCode());
        assertTrue(tooLow.body().contains("requestsPerMinute") && tooLow.body().contains("từ 60"), tooLow.body());
        HttpResponse<String> notANumber = setLimits("alpha", "{\"mediaBytes\": \"nhiều\"}");
        assertEquals(422, notANumber.statusCode());
        assertTrue(notANumber.body().contains("mediaBytes"), notANumber.body());
        assertEquals(404, setLimits("khongco", "{\"requestsPerMinute\": 600}").statusCode());
    }

    @Test
    void overItsRequestLimitATenantAnswers429ButStillServesCachedPagesAndOthersAreUntouched() {
        Browser alpha = reader(TwoPortals.ALPHA_HOST);
        assertEquals(200, alpha.get("/").statusCode(), "the home page is rendered once, into the cache");
        assertEquals(200, setLimits("alpha", "{\"requestsPerMinute\": 60}").statusCode());
        clock.advance(Duration.ofMinutes(1));

        for (int i = 0; i < 60; i++) {
            assertEquals(200, alpha.get("/quan-tri/dang-nhap").statusCode(), "request " + (i + 1) + " is within the limit");
        }
        HttpResponse<String> over = alpha.get("/quan-tri/dang-nhap");
        assertEquals(429, over.statusCode());
        long wait = Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait >= 1 && wait <= 60, "Retry-After is the rest of the minute: " + wait);
        assertTrue(over.body().contains("quá nhiều yêu cầu"), over.body());
        assertEquals(429, alpha.postForm("/quan-tri/dang-nhap", Map.of("username", "x", "password", "y")).statusCode(),
                "writes count as well");
        HttpResponse<String> search = alpha.get("/en/search?q=science");
        assertEquals(429, search.statusCode(), "a page that must be rendered counts");
        assertTrue(search.body().contains("more requests a minute"), "in English under /en: " + search.body());

        HttpResponse<String> cached = alpha.get("/");
        assertEquals(200, cached.statusCode(), "a page from the cache is never counted");
        assertEquals(200, reader(TwoPortals.BETA_HOST).get("/quan-tri/dang-nhap").statusCode(), "beta has its own budget");

        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, alpha.get("/quan-tri/dang-nhap").statusCode(), "a new minute, a new budget");
        assertEquals(200, setLimits("alpha", "{\"requestsPerMinute\": null}").statusCode());
    }

    @Test
    void anUploadPastTheStorageLimitIsRefusedWithWhatIsUsedAndOtherTenantsStore() throws IOException {
        assertEquals(200, setLimits("alpha", "{\"mediaBytes\": 1048576}").statusCode());
        Tenant alpha = registry.findByCode("alpha").orElseThrow();
        Tenant beta = registry.findByCode("beta").orElseThrow();
        byte[] file = zipOfRandomBytes(600 * 1024);
        media.storeAttachment(alpha, "so-lieu-1.zip", file, null).block();
        UploadRefused refused = assertThrows(UploadRefused.class,
                () -> media.storeAttachment(alpha, "so-lieu-2.zip", file, null).block());
        assertTrue(refused.getMessage().contains("so-lieu-2.zip") && refused.getMessage().contains("dung lượng lưu trữ tệp"),
                refused.getMessage());
        media.storeAttachment(beta, "so-lieu-1.zip", file, null).block();
        media.storeAttachment(beta, "so-lieu-2.zip", file, null).block();
        assertTrue(media.usedBytes(beta).block() >= 2L * file.length, "beta is not held to alpha's limit");
        assertEquals(200, setLimits("alpha", "{\"mediaBytes\": null}").statusCode());
    }

    @Test
    void theConsoleShowsAndSetsLimitsAndKeepsWhatWasTypedOnError() {
        Browser console = OperatorConsole.loggedIn(server.getPort());
        HttpResponse<String> page = console.get("/van-hanh/cong/beta");
        assertTrue(StaffForms.text(page).contains("Giới hạn tài nguyên"), page.body());
        HttpResponse<String> bad = console.postForm("/van-hanh/cong/beta/gioi-han", Map.of("requestsPerMinute", "mười",
                "mediaMegabytes", "250", "csrfToken", StaffForms.csrfToken(page)));
        assertEquals(422, bad.statusCode());
        assertTrue(StaffForms.text(bad).contains("phải là một số nguyên"), bad.body());
        assertTrue(bad.body().contains("value=\"mười\"") && bad.body().contains("value=\"250\""), "what was typed is kept");
        HttpResponse<String> saved = console.postForm("/van-hanh/cong/beta/gioi-han", Map.of("requestsPerMinute", "1.200",
                "mediaMegabytes", "250", "csrfToken", StaffForms.csrfToken(bad)));
        assertEquals(303, saved.statusCode(), saved.body());
        Tenant beta = registry.findByCode("beta").orElseThrow();
        assertEquals(1200, beta.limits().requestsPerMinute());
        assertEquals(250L * 1024 * 1024, beta.limits().mediaBytes());
        assertNull(registry.findByCode("alpha").orElseThrow().limits().requestsPerMinute(), "alpha is untouched");
        assertTrue(StaffForms.text(console.get("/van-hanh/cong/beta?gioi-han=1")).contains("Đã lưu giới hạn tài nguyên"));
        setLimits("beta", "{\"requestsPerMinute\": null, \"mediaBytes\": null}");
    }

    private static byte[] zipOfRandomBytes(int size) throws IOException {
        byte[] noise = new byte[size];
        new Random(7).nextBytes(noise);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("du-lieu.bin"));
            zip.write(noise);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
